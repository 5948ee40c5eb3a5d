import { z } from "zod";
import type { DbOrTx } from "@/db";
import { atMost, ORDER_LIMITS, transitionOrder, type Actor } from "@/lib/orders";
import { ok, type Result } from "@/lib/result";

/**
 * The details a person adds to a status change from any screen (board, list, bulk, scan):
 * the same names and limits everywhere, so every form maps onto transitionOrder the same way.
 */
export const changeDetailsSchema = z.object({
  comment: z.string().trim().max(ORDER_LIMITS.comment, atMost(ORDER_LIMITS.comment)).optional(),
  customerVisible: z.boolean().default(false),
  notifyEmail: z.boolean().default(true),
  notifySms: z.boolean().default(true),
});

export type ChangeDetails = z.input<typeof changeDetailsSchema>;

/** What a screen needs after a change: where the order is now, to keep or undo its guess. */
export type ChangeMade = {
  number: string;
  statusId: number;
  version: number;
  notificationsQueued: number;
  /** The change's history row, for "Undo". */
  eventId: number;
  /** ISO time until which the change can be undone; null: it cannot. */
  undoUntil: string | null;
};

/** One order's change as screens send it: the order, the target, the version they saw, the details. */
export const singleChangeSchema = changeDetailsSchema.extend({
  orderId: z.number().int().positive(),
  to: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});

export type SingleChange = z.infer<typeof singleChangeSchema>;

/** A screen's change, mapped onto the one transition service the same way from every screen. */
export async function applyChange(db: DbOrTx, change: SingleChange, actor: Actor): Promise<Result<ChangeMade>> {
  const result = await transitionOrder(db, {
    orderId: change.orderId,
    to: { id: change.to },
    actor,
    expectedVersion: change.expectedVersion,
    comment: change.comment || undefined,
    customerVisible: change.customerVisible,
    notify: { email: change.notifyEmail, sms: change.notifySms },
  });
  if (!result.ok) return result;
  const { order, notificationsQueued, event, undoUntil } = result.value;
  return ok({ number: order.number, statusId: order.statusId, version: order.version, notificationsQueued, eventId: event.id, undoUntil: undoUntil?.toISOString() ?? null });
}
