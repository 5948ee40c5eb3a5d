import type { createTranslator, Messages } from "next-intl";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { nestsDeeperThan, NESTING_TOO_DEEP_MESSAGE } from "@/lib/json-depth";
import { findNulCharacters } from "@/lib/nul-characters";
import { isNumberOutOfRange, NUMBER_OUT_OF_RANGE_MESSAGE } from "@/lib/numbers-out-of-range";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { authorize, type Access, type SessionUser } from "./authorize";

/** Who may call an action: any member of staff, a role that opens an area, or anyone (sign-in, sign-out). */
export type ActionRole = Access | "public";

type UserFor<R extends ActionRole> = R extends "public" ? SessionUser | undefined : SessionUser;

/** The catalogue in the caller's language (lib/i18n/messages.ts), keys and arguments typed. */
export type Translate = ReturnType<typeof createTranslator<Messages, never>>;

export type ActionOptions<R extends ActionRole, S extends z.ZodType, T> = {
  role: R;
  schema: S;
  /** The work, on parsed input: one service call answering a domain Result. */
  handler: (input: z.infer<S>, user: UserFor<R>) => Promise<Result<T>>;
  /** The words a screen shows for a success, from the catalogue in the caller's language. */
  message?: (value: NoInfer<T>, input: z.infer<S>, t: Translate) => string;
  /** What to re-render after a success (revalidatePath, refresh); a refusal changed nothing. */
  revalidate?: (value: NoInfer<T>, input: z.infer<S>) => void | Promise<void>;
};

/**
 * A form's fields as a plain object: a name sent once is a string (or file), a name sent more
 * than once (a group of checkboxes) is the list of its values.
 */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

/**
 * Builds the one wrapper every server action is: it checks the session and role itself (hidden
 * buttons protect nothing), parses the input with zod (a FormData or a plain value), runs the
 * handler with typed data and the user, revalidates what a success changed and answers one
 * `ActionResult`. Refusals come back as values with every field error, never as thrown errors,
 * also when the database refuses a number from the input as out of range.
 * The action takes `(input)` or, as `useActionState` calls it, `(previousState, formData)`.
 * The user lookup and the translator are injected so the wrapper is testable without a request.
 */
export function createServerAction(getUser: () => Promise<SessionUser | undefined>, getTranslate: () => Promise<Translate>) {
  // One object, handler before message and revalidate, so T is inferred from the handler first.
  return function serverAction<R extends ActionRole, S extends z.ZodType, T>(options: ActionOptions<R, S, T>) {
    return async (input: unknown, form?: FormData): Promise<ActionResult<T>> => {
      let user: SessionUser | undefined;
      if (options.role !== "public") {
        const allowed = authorize(await getUser(), options.role);
        if (!allowed.ok) return allowed;
        user = allowed.value;
      }
      const sent = form instanceof FormData ? form : input;
      const raw = sent instanceof FormData ? formFields(sent) : sent;
      // Next bounds an action's body in bytes, not its depth; deeper input is refused before
      // the NUL check and the schema walk it.
      if (nestsDeeperThan(raw)) return refuse("validation_failed", NESTING_TOO_DEEP_MESSAGE);
      const nul = findNulCharacters(raw);
      if (nul.length > 0) return validationFailed(nul);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) return validationFailed(parsed.error.issues);
      let result: Result<T>;
      try {
        result = await options.handler(parsed.data, user as UserFor<R>);
      } catch (error) {
        if (isNumberOutOfRange(error)) return refuse("validation_failed", NUMBER_OUT_OF_RANGE_MESSAGE);
        throw error;
      }
      if (!result.ok) return result;
      await options.revalidate?.(result.value, parsed.data);
      const t = await getTranslate();
      return { ok: true, value: result.value, message: options.message?.(result.value, parsed.data, t) ?? t("common.states.done") };
    };
  };
}
