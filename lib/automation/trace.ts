import type { ConditionCheck } from "./conditions";
import type { DocumentKind } from "@/lib/documents/kinds";
import type { ActionType, Trigger } from "./schemas";

/**
 * What an action did, as a catalogue message (`automations.said.<key>` with its values), so a
 * screen words it in the reader's language; `summary` keeps the English for the API and logs.
 */
export type ActionSaid =
  | { key: "statusSet" | "alreadyIn"; values: { status: string } }
  | { key: "messageQueued"; values: { status: string; channel: "email" | "sms"; to: string; count: number } }
  | { key: "commentAdded"; values: { visible: "yes" | "no"; body: string } }
  | { key: "documentAttached" | "documentEmailed"; values: { kind: DocumentKind; number: string } }
  | { key: "notRun"; values: Record<string, never> };

/** Why a rule stopped before its conditions, as a stable code (the screens word it). */
export type SkipReason = "already_ran" | "invalid_rule" | "status_changed";

export type ActionOutcome = {
  index: number;
  type: ActionType;
  outcome: "done" | "failed" | "skipped";
  /** What it did or would do, in words ("Status set to In progress"). */
  summary: string;
  /** The same in catalogue terms (runs recorded before it was added have none). */
  said?: ActionSaid;
  /** For failures: a stable reason (`transition_not_allowed`, `depth_limit`, `cycle`, ...). */
  reason?: string;
};

/** One rule considered for one event: whether it matched, why not, and what its actions did. */
export type RuleTrace = {
  ruleId: number;
  ruleName: string;
  trigger: Trigger;
  depth: number;
  triggerEventId: number;
  matched: boolean;
  /** Why a rule did not get as far as its conditions (e.g. the order already moved on). */
  skippedBecause?: string;
  /** The same as a code, for the screens. */
  skipReason?: SkipReason;
  conditions: ConditionCheck[];
  actions: ActionOutcome[];
};
