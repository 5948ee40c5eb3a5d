// Shapes the workflow engine works on. They mirror the database rows only as far as the rules
// need, so the engine stays pure and the UI can run it without the database.

export type GroupKind = "new" | "in_progress" | "completed" | "not_completed";

export type WorkflowStatus = {
  id: number;
  code: string;
  name: string;
  groupKind: GroupKind;
  /** Payment gate: an unpaid order cannot enter. */
  requiresPayment: boolean;
  /** With the gate on, cash-on-delivery orders may still enter. */
  allowCashOnDelivery: boolean;
  /** The status asks the customer to pay ("awaiting payment"). */
  awaitsPayment: boolean;
  /** Archived statuses are never targets. */
  archived: boolean;
};

/** A role that may move orders only into some statuses of this order type (its other statuses are refused). */
export type StatusRights = {
  role: RoleRef;
  /** The statuses the role's members may move orders into. */
  mayEnter: number[];
};

/** A role as a refusal names it: built-in roles by key (the screens name them from the catalogue), the shop's own by name. */
export type RoleRef = { builtIn: string | null; name: string };

/**
 * One order type's process: its statuses, where orders start, and the transition matrix; and,
 * when the person judging a change has a role that limits statuses, that role's rights.
 */
export type WorkflowDefinition = {
  statuses: WorkflowStatus[];
  initialStatusId: number;
  transitions: { from: number; to: number }[];
  rights?: StatusRights;
};

/** What the rules need to know about an order. paymentMethod "cod" = cash on delivery. */
export type OrderFacts = { statusId: number; paid: boolean; paymentMethod: string };

export type GuardFailureReason = "payment_required" | "archived";

export type GuardResult =
  | { ok: true }
  | { ok: false; reason: GuardFailureReason; message: string };

export type StatusRef = { id: number; code: string; name: string };

export type TransitionVerdict =
  | { ok: true; target: WorkflowStatus }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "transition_not_allowed"; message: string; allowed: StatusRef[] }
  | { ok: false; code: "guard_failed"; reason: GuardFailureReason; message: string }
  | { ok: false; code: "status_not_permitted"; role: RoleRef; message: string };

export type TargetDescription = { status: WorkflowStatus; verdict: TransitionVerdict };

export type LintSeverity = "error" | "warning";

export type LintCode =
  | "initial_missing"
  | "initial_archived"
  | "initial_terminal"
  | "unknown_status"
  | "contradictory_path"
  | "unreachable"
  | "dead_end"
  | "terminal_exit"
  | "archived_target"
  | "unpaid_gate";

/** A change that would resolve an issue, offered where exactly one obvious remedy exists. */
export type LintFix = { kind: "remove_transition"; from: number; to: number };

export type LintIssue = {
  severity: LintSeverity;
  code: LintCode;
  message: string;
  statusIds: number[];
  fix?: LintFix;
};
