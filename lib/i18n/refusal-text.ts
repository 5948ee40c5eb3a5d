import type { Refusal } from "@/lib/result";

/**
 * The catalogue's `refusals` message for a refusal, chosen by its code and, where the code has
 * one, its reason: with `t = useTranslations("refusals")` (or getTranslations),
 * `t(m.key, m.values)` says why in the reader's language. Never from the server's English
 * `message`, which stays for the API and the logs.
 */
export type RefusalMessage =
  | { key: Exclude<Refusal["code"], "guard_failed">; values: Record<string, never> }
  | { key: `undoReasons.${NonNullable<Extract<Refusal, { code: "undo_refused" }>["details"]>["reason"]}`; values: Record<string, never> }
  | { key: "guard_failed" | "guardReasons.payment_required" | "guardReasons.archived"; values: Record<string, never> }
  | { key: "versionConflictOrder"; values: { number: string } }
  | { key: "transitionNotAllowedTo" | "statusNotPermittedTo"; values: { to: string } };

export function refusalMessage(error: Refusal, about: { orderNumber?: string; targetName?: string } = {}): RefusalMessage {
  switch (error.code) {
    case "guard_failed":
      return { key: error.details?.reason ? `guardReasons.${error.details.reason}` : "guard_failed", values: {} };
    case "version_conflict":
      return about.orderNumber ? { key: "versionConflictOrder", values: { number: about.orderNumber } } : { key: error.code, values: {} };
    case "transition_not_allowed":
      return about.targetName ? { key: "transitionNotAllowedTo", values: { to: about.targetName } } : { key: error.code, values: {} };
    case "undo_refused":
      return error.details ? { key: `undoReasons.${error.details.reason}`, values: {} } : { key: error.code, values: {} };
    case "status_not_permitted":
      return about.targetName ? { key: "statusNotPermittedTo", values: { to: about.targetName } } : { key: error.code, values: {} };
    default:
      return { key: error.code, values: {} };
  }
}

/** A translator of the catalogue's `refusals` namespace (useTranslations / getTranslations / createTranslator). */
export type RefusalsTranslator = (key: RefusalMessage["key"], values: never) => string;

/**
 * Why something was refused, in the reader's language, from the refusal's code and reason
 * (never its English `message`); the order's number and the target's name make it specific.
 */
export function refusalText(t: RefusalsTranslator, error: Refusal, about: { orderNumber?: string; targetName?: string } = {}): string {
  const m = refusalMessage(error, about);
  return t(m.key, m.values as never);
}
