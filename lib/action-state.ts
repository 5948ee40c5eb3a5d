import type { FieldErrors, Result } from "./result";

/** What a form's server action hands back to the page: a message and, on refusal, its details. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  code?: string;
  fieldErrors?: FieldErrors;
};

/** A secret's rotation answers with the new secret, shown at once. */
export type RotateSecretState = ActionState & { secret?: string };

export function toActionState<T>(result: Result<T>, success: (value: T) => string): ActionState {
  if (result.ok) return { ok: true, message: success(result.value) };
  return {
    ok: false,
    code: result.error.code,
    message: result.error.message,
    fieldErrors: result.error.fieldErrors,
  };
}
