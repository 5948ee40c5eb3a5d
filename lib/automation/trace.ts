import { AsyncLocalStorage } from "node:async_hooks";
import type { ConditionCheck } from "./conditions";
import type { ActionType, Trigger } from "./schemas";

export type ActionOutcome = {
  index: number;
  type: ActionType;
  outcome: "done" | "failed" | "skipped";
  /** What it did or would do, in words ("Status set to In progress"). */
  summary: string;
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
  conditions: ConditionCheck[];
  actions: ActionOutcome[];
};

const storage = new AsyncLocalStorage<RuleTrace[]>();

/**
 * Runs `fn` while collecting into `into` every rule the dispatcher considers, however deep the chain. Only
 * the dry run collects; a real change records its outcome in the database and nowhere else.
 * Async context rather than a parameter, because chained rules are reached through
 * `transitionOrder`, which should not have to carry a dry run's notebook.
 */
export function collectRuleTraces<T>(into: RuleTrace[], fn: () => Promise<T>): Promise<T> {
  return storage.run(into, fn);
}

export function recordRuleTrace(trace: RuleTrace): void {
  storage.getStore()?.push(trace);
}
