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
  // Tens of thousands of deleted rows would otherwise slow every later read of the outbox (the
  // health check, the worker's claim) until autovacuum gets round to them.
  await db.execute(sql`vacuum (analyze) ${outbox}`);
}
