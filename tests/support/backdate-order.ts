import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { orderEvents, orders } from "@/db/schema";

/*
 * Test support: the services stamp "now" on everything they write, so an order that has waited
 * (over its SLA, untouched for days) is made by creating it as usual and then moving its whole
 * history into the past.
 */

/** Moves an order's own times and every one of its events `days` back. */
export async function backdateOrderHistory(db: Db, input: { number: string; days: number }) {
  const shift = sql`make_interval(days => ${input.days})`;
  await db.transaction(async (tx) => {
    const [order] = await tx
      .update(orders)
      .set({
        createdAt: sql`${orders.createdAt} - ${shift}`,
        updatedAt: sql`${orders.updatedAt} - ${shift}`,
        statusChangedAt: sql`${orders.statusChangedAt} - ${shift}`,
      })
      .where(eq(orders.number, input.number))
      .returning({ id: orders.id });
    if (!order) throw new Error(`no order ${input.number} to backdate`);
    await tx.update(orderEvents).set({ createdAt: sql`${orderEvents.createdAt} - ${shift}` }).where(eq(orderEvents.orderId, order.id));
  });
}
