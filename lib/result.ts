import type { GuardFailureReason, LintIssue, RoleRef, StatusRef } from "@/lib/workflow/types";
import type { UrlRefusal } from "@/lib/integrations/webhooks/url-policy";

/**
 * Business refusals are values, not exceptions: every caller (server action, API, board,
 * automation) gets the same codes and messages and decides how to show them.
 */
export type ErrorCode =
  | "not_found"
  | "transition_not_allowed"
  | "guard_failed"
  | "status_not_permitted"
  | "undo_refused"
  | "version_conflict"
  // The order's status does not allow editing its customer, address, items or total (lib/orders/edit.ts).
  | "editing_not_allowed"
  | "validation_failed"
  | "forbidden"
  | "unauthorized"
  // Disabling, demoting or resetting the shop's last active admin (lib/accounts/admins.ts).
  | "last_admin"
  // A workflow write that would leave open orders with no way forward, not confirmed with their count.
  | "would_strand_orders";

export type FieldErrors = Record<string, string[]>;

/** A lint error a workflow write would introduce, with the order type it belongs to. */
export type LintDetail = LintIssue & { orderType: { id: number; code: string; name: string } };
/** The same issue as the API tells it: statuses by code, no fix (its ids mean nothing outside). */
export type PublicLintDetail = Omit<LintDetail, "statusIds" | "fix"> & { statuses: string[] };

/** A status or order type as a stranding names it; the API leaves the id out (it means nothing outside). */
type StrandedRef = { id?: number; code: string; name: string };
/** The open orders of one order type that a workflow write would leave stuck in one status. */
export type StrandedOrders = { orderType: StrandedRef; status: StrandedRef; orders: number };
/** Every group of orders a write would strand, and how many orders that is in all (the number to confirm). */
export type Stranding = { stranded: StrandedOrders[]; total: number };

/**
 * The machine-readable facts a refusal carries, per code: a discriminated union read without
 * casts (`if (error.code === "guard_failed") error.details?.reason`). Codes absent here carry none.
 */
export type RefusalDetailsByCode = {
  version_conflict: { expectedVersion: number; currentVersion: number };
  // A status change whose order exists but whose target status does not (the API answers it as a bad `to`).
  not_found: { missing: "status" };
  // A throttled sign-in: when the next try can work.
  unauthorized: { retryAfterSeconds: number };
  // The API names the allowed targets by code only: ids mean nothing outside the app.
  transition_not_allowed: { allowed: (Omit<StatusRef, "id"> & { id?: number })[] };
  guard_failed: { reason: GuardFailureReason };
  // The person's role may not move orders into the target (roles with status rights).
  status_not_permitted: { role: RoleRef };
  // Why a change could not be undone (lib/orders/undo.ts).
  undo_refused: { reason: "not_undoable" | "changed_since" | "hold_over" | "already_sent" | "not_yours" };
  would_strand_orders: Stranding;
  // The status the order is in, which does not allow editing (not `status`: a problem's `status` is its HTTP status).
  editing_not_allowed: { orderStatus: { code: string; name: string } };
  validation_failed:
    | { lint: LintDetail[] | PublicLintDetail[] }
    | { reason: "too_many_items"; items: number; max: number }
    | { missing: string[] }
    | { missingStatuses: string[] }
    | { reason: "invalid_phone" }
    // An order that takes no return or complaint now (lib/returns/create-return.ts).
    | { reason: "not_a_sale" | "not_completed" | "window_closed" | "no_process" }
    // A refund asked of an order that is no return or complaint (lib/returns/refund.ts).
    | { reason: "not_a_return" }
    // A document the order does not take (lib/documents/issue.ts).
    | { reason: "rejected" | "no_invoice" }
    | { reason: UrlRefusal["code"] }
    | WorkflowConfigReason
    | RoleConfigReason;
};

/** Why a role could not be saved or deleted (lib/roles/roles.ts). */
export type RoleConfigReason =
  | { reason: "role_name_taken"; name: string }
  | { reason: "role_built_in" }
  | { reason: "role_in_use"; name: string; members: number };

/** Why the workflow studio refused a write, with the facts a screen words it from. */
export type WorkflowConfigReason =
  /** `usedBy` is the stored name of the status or order type (`usedByKind`) that has the code. */
  | { reason: "code_taken"; code: string; usedBy: string; usedByKind: "status" | "orderType" }
  | { reason: "status_in_use"; name: string }
  | { reason: "status_is_initial"; name: string; orderTypes: string[] }
  | { reason: "initial_archived"; name: string }
  | { reason: "group_not_empty"; name: string }
  | { reason: "workflow_not_empty" };

type RefusalOf<C extends ErrorCode> = {
  code: C;
  message: string;
  /** Per-field messages for validation_failed, keyed by the field's name (dotted path). */
  fieldErrors?: FieldErrors;
  /** Extra machine-readable facts, e.g. the allowed targets or the guard's reason. */
  details?: C extends keyof RefusalDetailsByCode ? RefusalDetailsByCode[C] : never;
};

export type Refusal = { [C in ErrorCode]: RefusalOf<C> }[ErrorCode];

export type Result<T> = { ok: true; value: T } | { ok: false; error: Refusal };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<C extends ErrorCode>(
  code: C,
  message: string,
  extra: Pick<RefusalOf<C>, "fieldErrors" | "details"> = {},
): { ok: false; error: Refusal } {
  return { ok: false, error: { code, message, ...extra } as Refusal };
}

/** Every field error from a zod failure, keyed by dotted path ("" for the whole input). */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    // Own properties only: a field named "constructor" or "__proto__" must not reach Object.prototype.
    if (!Object.hasOwn(errors, key)) Object.defineProperty(errors, key, { value: [], enumerable: true, writable: true, configurable: true });
    errors[key]!.push(issue.message);
  }
  return errors;
}

export function validationFailed(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fieldErrors = fieldErrorsOf(issues);
  const fields = Object.keys(fieldErrors).filter(Boolean);
  const message = fields.length
    ? `Please check: ${fields.join(", ")}.`
    : (issues[0]?.message ?? "The input is not valid.");
  return refuse("validation_failed", message, { fieldErrors });
}
