/**
 * Business refusals are values, not exceptions: every caller (server action, API, board,
 * automation) gets the same codes and messages and decides how to show them.
 */
export type ErrorCode =
  | "not_found"
  | "transition_not_allowed"
  | "guard_failed"
  | "version_conflict"
  | "validation_failed"
  | "forbidden"
  | "unauthorized";

export type FieldErrors = Record<string, string[]>;

export type Refusal = {
  code: ErrorCode;
  message: string;
  /** Per-field messages for validation_failed. */
  fieldErrors?: FieldErrors;
  /** Extra machine-readable facts, e.g. the allowed targets or the guard's reason. */
  details?: Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: Refusal };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse(
  code: ErrorCode,
  message: string,
  extra: Pick<Refusal, "fieldErrors" | "details"> = {},
): { ok: false; error: Refusal } {
  return { ok: false, error: { code, message, ...extra } };
}

/** Every field error from a zod failure, keyed by dotted path ("" for the whole input). */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    (errors[key] ??= []).push(issue.message);
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
