import type { Refusal, Stranding } from "@/lib/result";

/**
 * The catalogue's `refusals` message for a refusal, chosen by its code and, where the code has
 * one, its reason: with `t = useTranslations("refusals")` (or getTranslations),
 * `t(m.key, m.values)` says why in the reader's language. Never from the server's English
 * `message`, which stays for the API and the logs.
 */
export type RefusalMessage =
  | { key: Exclude<Refusal["code"], "guard_failed" | "would_strand_orders">; values: Record<string, never> }
  | { key: `undoReasons.${NonNullable<Extract<Refusal, { code: "undo_refused" }>["details"]>["reason"]}`; values: Record<string, never> }
  | { key: "guard_failed" | "guardReasons.payment_required" | "guardReasons.archived"; values: Record<string, never> }
  | { key: "versionConflictOrder"; values: { number: string } }
  | { key: "transitionNotAllowedTo" | "statusNotPermittedTo"; values: { to: string } }
  | { key: "wouldStrandOrders.one"; values: { count: number; status: string; orderType: string } }
  | { key: "wouldStrandOrders.many"; values: { count: number; statuses: string } };

/**
 * What a refusal is about, where the screen knows more than the refusal: the order's number, the
 * target's name, statuses' names in the reader's language (`nameOf`, by id; the stored name when
 * it does not know the id) and how the language joins a list (`list`).
 */
export type RefusalAbout = {
  orderNumber?: string;
  targetName?: string;
  nameOf?: (id: number) => string | undefined;
  list?: (items: string[]) => string;
};

/**
 * The orders a workflow write would strand, in words: one status as a sentence of its own ("24
 * orders in Shipped (Retail) would have no way forward"), several as the total and a list.
 */
export function strandingMessage(stranding: Stranding, { nameOf, list = (items) => items.join(", ") }: RefusalAbout = {}): RefusalMessage {
  const statusName = (s: Stranding["stranded"][number]) => (s.status.id !== undefined ? nameOf?.(s.status.id) : undefined) ?? s.status.name;
  const [only] = stranding.stranded;
  if (stranding.stranded.length === 1 && only) {
    return { key: "wouldStrandOrders.one", values: { count: only.orders, status: statusName(only), orderType: only.orderType.name } };
  }
  const statuses = list(stranding.stranded.map((s) => `${statusName(s)} (${s.orderType.name}): ${s.orders}`));
  return { key: "wouldStrandOrders.many", values: { count: stranding.total, statuses } };
}

export function refusalMessage(error: Refusal, about: RefusalAbout = {}): RefusalMessage {
  switch (error.code) {
    case "would_strand_orders":
      return strandingMessage(error.details ?? { stranded: [], total: 0 }, about);
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
export function refusalText(t: RefusalsTranslator, error: Refusal, about: RefusalAbout = {}): string {
  const m = refusalMessage(error, about);
  return t(m.key, m.values as never);
}
