import { z } from "zod";
import type { Db } from "@/db";
import { transitionOrder, type Actor } from "@/lib/orders";

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

/** One order's change as screens send it: the order, the target, the version they saw, the details. */
export const singleChangeSchema = changeDetailsSchema.extend({
  orderId: z.number().int().positive(),
  to: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});

export type SingleChange = z.infer<typeof singleChangeSchema>;

/** A screen's change, mapped onto the one transition service the same way from every screen. */
export function applyChange(db: Db, change: SingleChange, actor: Actor) {
  return transitionOrder(db, {
    orderId: change.orderId,
    to: { id: change.to },
    actor,
    expectedVersion: change.expectedVersion,
    comment: change.comment || undefined,
    customerVisible: change.customerVisible,
    notify: { email: change.notifyEmail, sms: change.notifySms },
  });
}
