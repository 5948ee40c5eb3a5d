import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import type { DemoOrder } from "./demo-orders";

/*
 * Bulk writes for the demo seed: a whole batch of orders in one statement and all their events
 * in a second, each passed as a single JSON parameter and unpacked by json_to_recordset. One
 * round trip per table per batch instead of one per row; the same SQL runs on PGlite and on
 * postgres.js. The parameter is sent as text and cast, so neither driver re-serialises it.
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/** `db.execute` returns `{ rows }` on PGlite and the rows themselves on postgres.js. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Inserts the orders and their events; returns the new order ids in input order. */
export async function insertDemoOrders(db: Db | Tx, batch: DemoOrder[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const orderRows = batch.map((o) => ({
    order_type_id: o.orderTypeId,
    status_id: o.statusId,
    status_changed_at: iso(o.statusChangedAt),
    version: o.version,
    channel: o.channel,
    customer_name: o.customerName,
    customer_email: o.customerEmail,
    customer_phone: o.customerPhone,
    locale: o.locale,
    currency: o.currency,
    total: o.total,
    payment_method: o.paymentMethod,
    paid_at: o.paidAt === null ? null : iso(o.paidAt),
    paid_amount: o.paidAmount,
    shipping_method: o.shippingMethod,
    courier: o.courier,
    tracking_number: o.trackingNumber,
    tracking_token: o.trackingToken,
    shipping_address: o.shippingAddress,
    items: o.items,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
  }));

  // A function scan yields the array in order, so numbers from the shared sequence follow the
  // batch order (the batch is sorted by creation date).
  const inserted = rowsOf<{ id: number; tracking_token: string }>(
    await db.execute(sql`
      insert into orders (
        number, order_type_id, status_id, status_changed_at, version, channel,
        customer_name, customer_email, customer_phone, locale, currency, total,
        payment_method, paid_at, paid_amount, shipping_method, courier, tracking_number,
        tracking_token, shipping_address, items, created_at, updated_at
      )
      select
        'ORD-' || nextval('order_number_seq'), x.order_type_id, x.status_id, x.status_changed_at,
        x.version, x.channel, x.customer_name, x.customer_email, x.customer_phone, x.locale,
        x.currency, x.total, x.payment_method, x.paid_at, x.paid_amount, x.shipping_method,
        x.courier, x.tracking_number, x.tracking_token, x.shipping_address, x.items,
        x.created_at, x.updated_at
      from json_to_recordset(${JSON.stringify(orderRows)}::text::json) as x(
        order_type_id integer, status_id integer, status_changed_at timestamptz, version integer,
        channel text, customer_name text, customer_email text, customer_phone text, locale text,
        currency text, total integer, payment_method text, paid_at timestamptz,
        paid_amount integer, shipping_method text, courier text, tracking_number text,
        tracking_token text, shipping_address jsonb, items jsonb, created_at timestamptz,
        updated_at timestamptz
      )
      returning id, tracking_token
    `),
  );

  // Tracking tokens are unique and made here, so they map the new ids back to the batch.
  const idByToken = new Map(inserted.map((r) => [r.tracking_token, Number(r.id)] as const));
  const ids = batch.map((o) => {
    const id = idByToken.get(o.trackingToken);
    if (id === undefined) throw new Error(`order with token ${o.trackingToken} was not inserted`);
    return id;
  });

  const eventRows = batch.flatMap((o, i) =>
    o.events.map((e) => ({
      order_id: ids[i],
      type: e.type,
      from_status_id: e.fromStatusId,
      to_status_id: e.toStatusId,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_label: e.actor.label,
      customer_visible: e.customerVisible,
      data: e.data,
      created_at: iso(e.at),
    })),
  );
  await db.execute(sql`
    insert into order_events (
      order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label,
      customer_visible, data, created_at
    )
    select
      x.order_id, x.type, x.from_status_id, x.to_status_id, x.actor_type, x.actor_id,
      x.actor_label, x.customer_visible, x.data, x.created_at
    from json_to_recordset(${JSON.stringify(eventRows)}::text::json) as x(
      order_id integer, type order_event_type, from_status_id integer, to_status_id integer,
      actor_type actor_type, actor_id text, actor_label text, customer_visible boolean,
      data jsonb, created_at timestamptz
    )
  `);
  return ids;
}
