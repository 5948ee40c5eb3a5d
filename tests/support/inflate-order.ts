import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { orderEvents, orders } from "@/db/schema";

/*
 * Test support: an order as large as those stored before the API capped orders (issue 14), made
 * in a few statements so a test or a fixture can afford 20,000 items and thousands of events.
 * The services would refuse such an order today, so it is written straight into its rows.
 */

export type InflateOptions = {
  /** Items to replace the order's own with: `BIG-1`, `BIG-2`, ..., 1 × 1.00 each. */
  items: number;
  /** Length of every item's name (the API's cap is 300). */
  nameLength: number;
  /** Status changes to add to the history, alternating between the order's first status and its current one, ending in the current one. */
  events: number;
};

/** Item `n`'s name: its number first, padded to `length`, so a test can tell items apart. */
export function inflatedItemName(n: number, length: number): string {
  return `Item ${n} `.padEnd(length, "abcdefghij ");
}

/**
 * Gives the order `items` items and `events` more status changes; every fifth change carries a
 * comment the customer sees (`Note <i>`), the others an internal one. The total follows the items.
 */
export async function inflateOrder(db: Db, orderId: number, options: InflateOptions) {
  const { items, nameLength, events } = options;
  await db
    .update(orders)
    .set({
      items: sql`(select jsonb_agg(jsonb_build_object('sku', 'BIG-' || n, 'name', rpad('Item ' || n || ' ', ${nameLength}::int, 'abcdefghij '), 'quantity', 1, 'unitPrice', 100, 'vatRate', 23) order by n) from generate_series(1, ${items}::int) as n)`,
      total: items * 100,
      updatedAt: sql`now()`,
    })
    .where(eq(orders.id, orderId));
  const [order] = await db.select({ statusId: orders.statusId }).from(orders).where(eq(orders.id, orderId));
  const [first] = await db.select({ to: orderEvents.toStatusId }).from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)).limit(1);
  const current = order!.statusId;
  const previous = first?.to ?? current;
  // Counting back from the last change (i = events), which lands in the current status.
  await db.execute(sql`
    insert into order_events (order_id, type, from_status_id, to_status_id, actor_type, actor_label, comment, customer_visible, created_at)
    select ${orderId}, 'status_changed',
      case when (${events}::int - i) % 2 = 0 then ${previous}::int else ${current}::int end,
      case when (${events}::int - i) % 2 = 0 then ${current}::int else ${previous}::int end,
      'system', 'Inflated history',
      case when i % 5 = 0 then 'Note ' || i else 'Internal ' || i end,
      i % 5 = 0,
      now() - make_interval(secs => ${events}::int - i)
    from generate_series(1, ${events}::int) as i`);
}
