import type { FieldErrors, LintDetail, Refusal, Stranding } from "./result";

/**
 * What every server action answers, and all a screen reads: the value with the words to show
 * for it, or the domain's refusal (its code, the details typed per code, field errors keyed by
 * the field's name). Plain data, so it crosses from server to browser as it is.
 */
export type ActionResult<T = unknown> = { ok: true; value: T; message: string } | { ok: false; error: Refusal };

/** A screen's state before its first answer: no answer yet. */
export type ActionReply<T = unknown> = ActionResult<T> | null;

/** An action as a `useActionState` form calls it: the previous reply, then the form's fields. */
export type FormAction<T = unknown> = (previous: ActionReply<T>, form: FormData) => Promise<ActionResult<T>>;

/**
 * For `useActionState`: calls the action with the form alone. React would send the previous
 * reply back to the server with every submit; the action never reads it, and a reply carrying a
 * value would make each post larger than the last.
 */
export function withFormOnly<T>(action: FormAction<T>): FormAction<T> {
  return (_previous, form) => action(null, form);
}

/** The words to show for an answer: the success's message or the refusal's. */
export function messageOf(reply: ActionReply): string | undefined {
  if (!reply) return undefined;
  return reply.ok ? reply.message : reply.error.message;
}

/** Every field's errors of a refusal, keyed by the field's name; none for anything else. */
export function fieldErrorsIn(reply: ActionReply): FieldErrors {
  return reply && !reply.ok ? (reply.error.fieldErrors ?? {}) : {};
}

/** The lint errors a refused workflow write would have introduced, each with its fix. */
export function lintIn(reply: ActionReply): LintDetail[] | undefined {
  if (!reply || reply.ok || reply.error.code !== "validation_failed" || !reply.error.details) return undefined;
  return "lint" in reply.error.details ? (reply.error.details.lint as LintDetail[]) : undefined;
}

/** The open orders a refused workflow write would have stranded: the screen asks, then sends their number back. */
export function strandingIn(reply: ActionReply): Stranding | undefined {
  if (!reply || reply.ok || reply.error.code !== "would_strand_orders") return undefined;
  return reply.error.details;
}

/**
 * An action used as a plain `<form action>`, whose reply nobody reads: the page re-renders from
 * what the action revalidated. React types a form's action as answering nothing; the function is
 * the same one (a server reference must stay itself to reach the browser), only its type changes.
 */
export function asFormAction(action: (form: FormData) => Promise<unknown>): (form: FormData) => Promise<void> {
  return action as (form: FormData) => Promise<void>;
}
