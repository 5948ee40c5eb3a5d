import { sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { orderEventType, type OrderEventType } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import type { DemoOrder } from "./demo-orders";

/*
 * Bulk writes for the demo seed: a whole batch of orders in one statement and all their events
 * in a second, each passed as a JSON parameter and unpacked by json_to_recordset. One
 * round trip per table per batch instead of one per row; the same SQL runs on PGlite and on
 * postgres.js. The parameter is sent as text and cast, so neither driver re-serialises it.
 *
 * The JSON uses one- or two-letter keys, leaves out nulls and defaults, and carries times as
 * epoch milliseconds: on PGlite, parsing is a large share of the cost and shrinks with the text.
 */

/**
 * Foreign-key checks are most of the cost of inserting history on PGlite (each one is a query of
 * its own: about 40% of a 100k-order seed). Every id in a batch was just returned by the insert
 * or read from the database by the seed itself, so where the role may (a superuser, as on
 * PGlite) the checks are switched off for this transaction only, the way
 * `pg_restore --disable-triggers` loads data. The other triggers this skips are the live
 * updates' NOTIFY per history row (ADR 0150), which no screen needs for a seed, and those that
 * keep `order_search` (ADR 0148), whose rows insertEncodedBatch writes itself, and the analytics
 * rollups (ADR 0157), which the caller then adds with addAnalyticsRollups; the seed's tests check
 * the references, the search rows and the rollups afterwards. Says whether it switched them off.
 */
export async function skipForeignKeyChecks(tx: Tx): Promise<boolean> {
  const [row] = rowsOf<{ su: string }>(await tx.execute(sql`select current_setting('is_superuser') as su`));
  if (row?.su !== "on") return false;
  await tx.execute(sql`set local session_replication_role = replica`);
  return true;
}

const EVENT_TYPE_CODE = Object.fromEntries(orderEventType.enumValues.map((t, i) => [t, i])) as Record<
  OrderEventType,
  number
>;
const EVENT_TYPE_VALUES = sql.raw(
  orderEventType.enumValues.map((t, i) => `(${i}, '${t}'::order_event_type)`).join(", "),
);

type CompactOrder = Record<string, string | number | object>;
type CompactEvent = Record<string, string | number | boolean | object>;

function compactOrder(o: DemoOrder): CompactOrder {
  const row: CompactOrder = {
    t: o.orderTypeId,
    s: o.statusId,
    sc: o.statusChangedAt,
    v: o.version,
    ch: o.channel,
    n: o.customerName,
    e: o.customerEmail,
    p: o.customerPhone,
    l: o.locale,
    cu: o.currency,
    tot: o.total,
    pm: o.paymentMethod,
    pa: o.paidAmount,
    sm: o.shippingMethod,
    tk: o.trackingToken,
    ad: o.shippingAddress,
    it: o.items,
    c: o.createdAt,
    u: o.updatedAt,
  };
  if (o.paidAt !== null) row.pd = o.paidAt;
  if (o.courier !== null) row.co = o.courier;
  if (o.trackingNumber !== null) row.tn = o.trackingNumber;
  return row;
}

/**
 * A batch ready to insert: everything the two statements need, as strings. Building it is pure,
 * so it can happen on a worker thread while the database is busy with the previous batch.
 */
export type EncodedBatch = {
  count: number;
  eventCount: number;
  /** Tracking tokens in batch order: they map the inserted ids back to positions. */
  tokens: string[];
  ordersJson: string;
  /** Events name their order by its 1-based position in the batch (`o`). */
  eventsJson: string;
  actorsJson: string;
};

export function encodeDemoOrders(batch: DemoOrder[]): EncodedBatch {
  // Event types and actors travel as small numbers and are joined back to their values:
  // most events repeat the same handful, and every byte saved is parsed less.
  const actorIndex = new Map<string, number>();
  const actors: { n: number; t: string; i: string | null; l: string }[] = [];
  const events: CompactEvent[] = [];
  batch.forEach((o, position) => {
    for (const e of o.events) {
      const actorKey = `${e.actor.type}\u0000${e.actor.id ?? ""}\u0000${e.actor.label}`;
      let a = actorIndex.get(actorKey);
      if (a === undefined) {
        a = actors.length;
        actorIndex.set(actorKey, a);
        actors.push({ n: a, t: e.actor.type, i: e.actor.id, l: e.actor.label });
      }
      const row: CompactEvent = { o: position + 1, k: EVENT_TYPE_CODE[e.type], a, c: e.at };
      if (e.fromStatusId !== null) row.f = e.fromStatusId;
      if (e.toStatusId !== null) row.s = e.toStatusId;
      if (e.customerVisible) row.v = true;
      if (Object.keys(e.data).length > 0) row.d = e.data;
      events.push(row);
    }
  });
  return {
    count: batch.length,
    eventCount: events.length,
    tokens: batch.map((o) => o.trackingToken),
    ordersJson: JSON.stringify(batch.map(compactOrder)),
    eventsJson: JSON.stringify(events),
    actorsJson: JSON.stringify(actors),
  };
}

/** Inserts an encoded batch: orders, then their events. Returns the new order ids in batch order. */
export async function insertEncodedBatch(db: DbOrTx | Tx, batch: EncodedBatch): Promise<number[]> {
  if (batch.count === 0) return [];

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
        'ORD-' || nextval('order_number_seq'), x.t, x.s, to_timestamp(x.sc / 1000), x.v, x.ch,
        x.n, x.e, x.p, x.l, x.cu, x.tot, x.pm, to_timestamp(x.pd / 1000), x.pa, x.sm, x.co, x.tn,
        x.tk, x.ad, x.it, to_timestamp(x.c / 1000), to_timestamp(x.u / 1000)
      from json_to_recordset(${batch.ordersJson}::text::json) as x(
        t integer, s integer, sc float8, v integer, ch text, n text, e text, p text, l text,
        cu text, tot integer, pm text, pd float8, pa integer, sm text, co text, tn text, tk text,
        ad jsonb, it jsonb, c float8, u float8
      )
      returning id, tracking_token
    `),
  );

  // Tracking tokens are unique and made by the seed, so they map the new ids back to positions.
  const idByToken = new Map(inserted.map((r) => [r.tracking_token, Number(r.id)] as const));
  const ids = batch.tokens.map((token) => {
    const id = idByToken.get(token);
    if (id === undefined) throw new Error(`order with token ${token} was not inserted`);
    return id;
  });

  await db.execute(sql`
    insert into order_events (
      order_id, type, from_status_id, to_status_id, actor_type, actor_id, actor_label,
      customer_visible, data, created_at
    )
    select
      m.id, k.type, x.f, x.s, a.t, a.i, a.l, coalesce(x.v, false), coalesce(x.d, '{}'::jsonb),
      to_timestamp(x.c / 1000)
    from json_to_recordset(${batch.eventsJson}::text::json) as x(
      o integer, k integer, a integer, c float8, f integer, s integer, v boolean, d jsonb
    )
    join unnest(${`{${ids.join(",")}}`}::text::integer[]) with ordinality as m(id, n) on m.n = x.o
    join json_to_recordset(${batch.actorsJson}::text::json)
      as a(n integer, t actor_type, i text, l text) on a.n = x.a
    join (values ${EVENT_TYPE_VALUES}) as k(code, type) on k.code = x.k
    -- Ids follow each order's timeline, whatever order the joins produce.
    order by m.id, x.c
  `);

  // The orders' search rows (ADR 0148), which their triggers write, unless skipForeignKeyChecks
  // skipped them; where the triggers ran, the rows are there and nothing is written twice.
  await db.execute(sql`
    insert into order_search
    select s.* from orders as o, order_search_of(o) as s
    where o.id = any(${`{${ids.join(",")}}`}::text::integer[])
    on conflict (order_id) do nothing
  `);
  return ids;
}

/**
 * The analytics rollups of orders whose triggers skipForeignKeyChecks switched off (ADR 0157):
 * their figures added in one statement. Only then: where the triggers ran, they are counted.
 */
export async function addAnalyticsRollups(tx: Tx, orderIds: number[]): Promise<void> {
  await tx.execute(sql`select analytics_add_orders(${`{${orderIds.join(",")}}`}::text::integer[])`);
}
