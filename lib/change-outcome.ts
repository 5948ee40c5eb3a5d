import type { Refusal } from "./result";

/** The per-order line of a bulk report, in words staff use. */
export type ChangeOutcome = "changed" | "not_allowed" | "not_permitted" | "payment_required" | "conflict" | "not_found" | "failed";

/**
 * One order's line in a bulk change's report: the refusal travels with it, so the screen words
 * why in the reader's language from its code (lib/i18n/refusal-text.ts), never from its message.
 */
export type BulkLine = { orderId: number; outcome: ChangeOutcome; refusal?: Refusal; undo?: { eventId: number; until: string } };

export function outcomeOf(result: { ok: true } | { ok: false; error: Refusal }): ChangeOutcome {
  if (result.ok) return "changed";
  switch (result.error.code) {
    case "transition_not_allowed":
      return "not_allowed";
    case "guard_failed":
      return result.error.details?.reason === "payment_required" ? "payment_required" : "not_allowed";
    case "status_not_permitted":
      return "not_permitted";
    case "version_conflict":
      return "conflict";
    case "not_found":
      return "not_found";
    default:
      return "failed";
  }
}

/**
 * A scan's outcome: input the station could not use (an empty number, no session) is "invalid",
 * the rest as a change's.
 */
export function scanOutcomeOf(result: { ok: true } | { ok: false; error: Refusal }): ChangeOutcome | "invalid" {
  if (!result.ok && ["validation_failed", "unauthorized", "forbidden"].includes(result.error.code)) return "invalid";
  return outcomeOf(result);
}
