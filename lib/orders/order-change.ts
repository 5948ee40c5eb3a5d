import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orderEvents, orders, type Order, type OrderEvent } from "@/db/schema";
import { ok, type Refusal, type Result } from "@/lib/result";
import type { Actor } from "./actor";
import { lockOrderForChange } from "./lock-order";
import { afterOrderEvent } from "./transition";

/** What a change other than a status change writes: columns of the order and its history event. */
export type OrderChange = {
  set: Partial<
    Pick<
      Order,
      "paidAmount" | "paidAt" | "courier" | "trackingNumber" | "customerName" | "customerEmail" | "customerPhone" | "shippingAddress" | "items" | "total"
    >
  >;
  event: { type: "payment_recorded" | "tracking_updated" | "order_edited" | "refund_recorded" | "parcel_event"; data: Record<string, unknown>; customerVisible?: boolean };
  /** Rows that belong with the history entry (a parcel report's key), written after it and before anything reacts. */
  writeWithEvent?: (tx: Tx, event: OrderEvent) => Promise<void>;
};

/** What `decide` answers: the change, `null` when nothing changes, or why the locked order refuses it. */
export type OrderDecision = OrderChange | null | { ok: false; error: Refusal };

export type OrderChangeOutcome = { order: Order; event: OrderEvent | null };

/**
 * The skeleton every change to an order other than its status shares (a payment, a tracking
 * number, an edit, a parcel event): lock the row and check the version the caller saw, let `decide` say what to write
 * at `now` (`null`: nothing changes; a refusal: the locked order's state forbids it, reading more
 * through `tx` if it must), write it with the version bumped, record the history event under the
 * actor, and let the reactions (webhooks, rules) see it, all in one transaction. A status change
 * has its own fast path (lib/orders/transition.ts) but the same steps.
 */
export function changeOrder(
  db: DbOrTx,
  input: { orderId: number; expectedVersion?: number; actor: Actor },
  decide: (order: Order, now: Date, tx: Tx) => OrderDecision | Promise<OrderDecision>,
): Promise<Result<OrderChangeOutcome>> {
  return inTransaction(db, async (tx): Promise<Result<OrderChangeOutcome>> => {
    const locked = await lockOrderForChange(tx, { id: input.orderId }, input.expectedVersion);
    if (!locked.ok) return locked;
    const order = locked.value;
    const now = new Date();
    const change = await decide(order, now, tx);
    if (!change) return ok({ order, event: null });
    if ("error" in change) return change;

    const [updated] = await tx
      .update(orders)
      .set({ ...change.set, version: order.version + 1, updatedAt: now })
      .where(eq(orders.id, order.id))
      .returning();
    if (!updated) throw new Error(`order ${order.id} vanished while locked`);
    const [event] = await tx
      .insert(orderEvents)
      .values({
        orderId: order.id,
        type: change.event.type,
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorLabel: input.actor.label,
        data: change.event.data,
        customerVisible: change.event.customerVisible ?? false,
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error(`${change.event.type} event was not written`);
    await change.writeWithEvent?.(tx, event);
    const latest = await afterOrderEvent(tx, { order: updated, event, depth: 0 });
    return ok({ order: latest, event });
  });
}
