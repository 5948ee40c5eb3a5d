import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { orders, orderTypes, outbox, statuses, statusGroups, transitions } from "@/db/schema";
import { createOrder } from "@/lib/orders";

/**
 * The benchmark's own corner of the demo shop: an order type whose two statuses lead to each
 * other, both emailing the customer, and pools of orders in it. Every guarded change therefore
 * does the full work (lock, matrix and guard check, update, history, outbox row), and a run can
 * move the same orders back and forth for ever, leaving the database as usable as it found it.
 * The demo's own processes are acyclic, so changing their orders would use them up.
 */
export const ROTATION_TYPE = "bench_rotation";
const STATUS_CODES = ["bench_ping", "bench_pong"] as const;

export const BENCH_ACTOR = { type: "system" as const, label: "Benchmark" };

export type Rotation = { orderTypeId: number; statusIds: [number, number] };

/** The other status of the pair. */
export function otherStatus(rotation: Rotation, statusId: number): number {
  return statusId === rotation.statusIds[0] ? rotation.statusIds[1] : rotation.statusIds[0];
}

export async function ensureRotation(db: Db): Promise<Rotation> {
  const [group] = await db.select({ id: statusGroups.id }).from(statusGroups).where(eq(statusGroups.kind, "in_progress")).limit(1);
  if (!group) throw new Error("the demo shop has no in-progress group");
  await db
    .insert(statuses)
    .values(
      STATUS_CODES.map((code, i) => ({
        code,
        name: i === 0 ? "Bench ping" : "Bench pong",
        customerLabel: "In progress",
        colour: "#64748b",
        groupId: group.id,
        position: 1000 + i,
        notifyCustomerEmail: true,
      })),
    )
    .onConflictDoNothing({ target: statuses.code });
  const rows = await db.select({ id: statuses.id, code: statuses.code }).from(statuses).where(inArray(statuses.code, [...STATUS_CODES]));
  const idOf = (code: string) => {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`status ${code} missing`);
    return row.id;
  };
  const statusIds: [number, number] = [idOf(STATUS_CODES[0]), idOf(STATUS_CODES[1])];
  await db
    .insert(orderTypes)
    .values({ code: ROTATION_TYPE, name: "Benchmark rotation", initialStatusId: statusIds[0], position: 1000 })
    .onConflictDoNothing({ target: orderTypes.code });
  const [type] = await db.select({ id: orderTypes.id }).from(orderTypes).where(eq(orderTypes.code, ROTATION_TYPE));
  if (!type) throw new Error("rotation order type missing");
  await db
    .insert(transitions)
    .values([
      { orderTypeId: type.id, fromStatusId: statusIds[0], toStatusId: statusIds[1] },
      { orderTypeId: type.id, fromStatusId: statusIds[1], toStatusId: statusIds[0] },
    ])
    .onConflictDoNothing();
  return { orderTypeId: type.id, statusIds };
}

export type PoolOrder = { id: number; statusId: number };

/**
 * `size` orders numbered `<prefix>-00001`..., created through `createOrder` the first time and
 * reused afterwards, with the status each is in now.
 */
export async function ensurePool(db: Db, rotation: Rotation, prefix: string, size: number): Promise<PoolOrder[]> {
  const pattern = `${prefix}-%`;
  const existing = await db.select({ number: orders.number }).from(orders).where(and(eq(orders.orderTypeId, rotation.orderTypeId), like(orders.number, pattern)));
  const have = new Set(existing.map((o) => o.number));
  for (let i = 1; i <= size; i++) {
    const number = `${prefix}-${String(i).padStart(5, "0")}`;
    if (have.has(number)) continue;
    const created = await createOrder(db, {
      number,
      orderTypeCode: ROTATION_TYPE,
      channel: "web",
      customer: { name: `Bench Customer ${i}`, email: `bench${i}@example.com`, phone: "+48 600 000 000" },
      locale: "pl",
      items: [{ sku: "BENCH-1", name: "Benchmark item", quantity: 2, unitPrice: 4_950 }],
      paymentMethod: "card",
      actor: BENCH_ACTOR,
    });
    if (!created.ok) throw new Error(`could not create ${number}: ${created.error.message}`);
  }
  await discardPoolMessages(db, rotation);
  return db
    .select({ id: orders.id, statusId: orders.statusId })
    .from(orders)
    .where(and(eq(orders.orderTypeId, rotation.orderTypeId), like(orders.number, pattern)))
    .orderBy(orders.id)
    .limit(size);
}

/**
 * Drops the emails the benchmark's changes queued: nobody will read them, and left pending they
 * would be delivered by the outbox benchmark and skew it.
 */
export async function discardPoolMessages(db: Db, rotation: Rotation): Promise<void> {
  await db.delete(outbox).where(sql`${outbox.orderId} in (select id from orders where order_type_id = ${rotation.orderTypeId})`);
  await keepSentHistory(db);
  // Tens of thousands of deleted rows would otherwise slow every later read of the outbox (the
  // health check, the worker's claim) until autovacuum gets round to them.
  await db.execute(sql`vacuum (analyze) ${outbox}`);
}

/** Sent emails a shop of the benchmark's size keeps in its outbox, as a record of what went out. */
const SENT_HISTORY = 20_000;

/**
 * A shop's outbox is never empty: it keeps what it sent. The seed writes none, and emptied by the
 * discard above and then analysed, the outbox told the planner it held nothing: every change's
 * duplicate check (lib/notifications/enqueue.ts) was then planned as a scan of the whole outbox,
 * which the next scenario grew by thousands of rows, so Orderly's rounds slowed one after another
 * while the baseline, which reads no outbox, did not (a second bulk run in one process went 1.6,
 * 2.6, 3.1, 3.7 s against a flat 2 s by hand). Sent emails of the seeded orders, written once and
 * never discarded, keep the statistics those of a working shop.
 */
async function keepSentHistory(db: Db): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(sql`${outbox.idempotencyKey} like 'bench-sent:%'`);
  const missing = SENT_HISTORY - Number(row?.n ?? 0);
  if (missing <= 0) return;
  await db.execute(sql`
    insert into ${outbox} (kind, order_id, recipient, payload, idempotency_key, state, attempts, created_at, sent_at)
    select 'email', o.id, coalesce(o.customer_email, 'bench@example.com'),
           jsonb_build_object('template', jsonb_build_object('channel', 'email', 'audience', 'customer', 'statusId', o.status_id)),
           'bench-sent:' || o.id, 'sent', 1, o.status_changed_at, o.status_changed_at
    from orders o
    where not exists (select 1 from ${outbox} x where x.idempotency_key = 'bench-sent:' || o.id)
    order by o.id
    limit ${missing}`);
}
