import { z } from "zod";
import type { DbOrTx } from "@/db";
import { atMost, ORDER_LIMITS, transitionOrder, type Actor, type BulkTransitionInput, type TransitionInput } from "@/lib/orders";
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

/** The details as `transitionOrder` takes them: the same from every screen, and for a change's preview. */
function detailsInput(details: z.infer<typeof changeDetailsSchema>, to: number, actor: Actor) {
  return {
    to: { id: to },
    actor,
    comment: details.comment || undefined,
    customerVisible: details.customerVisible,
    notify: { email: details.notifyEmail, sms: details.notifySms },
  };
}

/** A screen's change as the one transition service takes it (the change itself, or its preview). */
export function transitionInputOf(change: SingleChange, actor: Actor): TransitionInput & { orderId: number } {
  return { orderId: change.orderId, expectedVersion: change.expectedVersion, ...detailsInput(change, change.to, actor) };
}

/** A screen's change, mapped onto the one transition service the same way from every screen. */
export async function applyChange(db: DbOrTx, change: SingleChange, actor: Actor): Promise<Result<ChangeMade>> {
  const result = await transitionOrder(db, transitionInputOf(change, actor));
  if (!result.ok) return result;
  const { order, notificationsQueued, event, undoUntil } = result.value;
  return ok({ number: order.number, statusId: order.statusId, version: order.version, notificationsQueued, eventId: event.id, undoUntil: undoUntil?.toISOString() ?? null });
}

/** The browser sends a bulk change in chunks of at most this many orders, one request each (its preview too). */
export const MAX_BULK_CHUNK = 25;

/** One chunk of a bulk change as the list's bulk form sends it. */
export const bulkChunkSchema = changeDetailsSchema.extend({
  orders: z.array(z.object({ orderId: z.number().int().positive(), expectedVersion: z.number().int().positive() })).min(1).max(MAX_BULK_CHUNK),
  to: z.number().int().positive(),
});

export type BulkChunk = z.infer<typeof bulkChunkSchema>;

/** A chunk as `transitionOrders` takes it (the change itself, or its preview). */
export function bulkInputOf(chunk: BulkChunk, actor: Actor): BulkTransitionInput {
  return { orders: chunk.orders, ...detailsInput(chunk, chunk.to, actor) };
}
