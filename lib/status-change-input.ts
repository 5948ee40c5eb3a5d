import { z } from "zod";

/**
 * The details a person adds to a status change from any screen (board, list, bulk, scan):
 * the same names and limits everywhere, so every form maps onto transitionOrder the same way.
 */
export const changeDetailsSchema = z.object({
  comment: z.string().trim().max(5000, "Keep the comment under 5,000 characters").optional(),
  customerVisible: z.boolean().default(false),
  notifyEmail: z.boolean().default(true),
  notifySms: z.boolean().default(true),
});

export type ChangeDetails = z.input<typeof changeDetailsSchema>;

/** What a screen shows after a change attempt: enough to explain a refusal and to undo a guess. */
export type ChangeReply =
  | { ok: true; message: string; statusId: number; version: number }
  | { ok: false; code: string; message: string };

/** The per-order line of a bulk report, in words staff use. */
export type ChangeOutcome = "changed" | "not_allowed" | "payment_required" | "conflict" | "not_found" | "failed";

export function outcomeOf(result: { ok: true } | { ok: false; error: { code: string; details?: Record<string, unknown> } }): ChangeOutcome {
  if (result.ok) return "changed";
  switch (result.error.code) {
    case "transition_not_allowed":
      return "not_allowed";
    case "guard_failed":
      return result.error.details?.reason === "payment_required" ? "payment_required" : "not_allowed";
    case "version_conflict":
      return "conflict";
    case "not_found":
      return "not_found";
    default:
      return "failed";
  }
}
