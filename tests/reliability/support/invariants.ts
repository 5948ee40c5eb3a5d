import { asc, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { orderEvents, orders, outbox, statuses, type Order, type OrderEvent } from "@/db/schema";
import { recipientsFor } from "@/lib/notifications/enqueue";
import { loadWorkflowDefinition } from "@/lib/orders";
import { evaluateTransition, type WorkflowDefinition } from "@/lib/workflow";

/** Events that bump an order's version (each is one committed change). */
const VERSIONED = new Set(["status_changed", "payment_recorded", "tracking_updated"]);

/**
 * Replays every order's history from the database and lists each broken invariant in words:
 * the stored status is the last event's `to`; each `from` is the previous `to`; each change was
 * allowed by the matrix and the guards as they stood then (paid or not); the version counts the
 * changes; every change's notifications were queued with it, no more, no fewer (the caller never
 * overrides `notify` under load, so the status's settings alone decide them).
 */
export async function findHistoryViolations(db: Db, orderIds: number[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const [orderRows, eventRows, statusRows, outboxRows] = await Promise.all([
    db.select().from(orders).where(inArray(orders.id, orderIds)),
    db.select().from(orderEvents).where(inArray(orderEvents.orderId, orderIds)).orderBy(asc(orderEvents.id)),
    db.select().from(statuses),
    db.select({ eventId: outbox.eventId, kind: outbox.kind }).from(outbox).where(inArray(outbox.orderId, orderIds)),
  ]);
  const statusById = new Map(statusRows.map((s) => [s.id, s]));
  const messagesPerEvent = new Map<number, number>();
  for (const row of outboxRows) {
    if (row.kind === "webhook" || row.eventId === null) continue;
    messagesPerEvent.set(row.eventId, (messagesPerEvent.get(row.eventId) ?? 0) + 1);
  }
  const definitions = new Map<number, WorkflowDefinition>();
  for (const typeId of new Set(orderRows.map((o) => o.orderTypeId))) {
    const def = await loadWorkflowDefinition(db, typeId);
    if (def) definitions.set(typeId, def);
  }
  const eventsByOrder = new Map<number, OrderEvent[]>();
  for (const e of eventRows) eventsByOrder.set(e.orderId, [...(eventsByOrder.get(e.orderId) ?? []), e]);

  const violations: string[] = [];
  for (const order of orderRows) {
    violations.push(...checkOrder(order, eventsByOrder.get(order.id) ?? [], definitions.get(order.orderTypeId), statusById, messagesPerEvent));
  }
  if (orderRows.length !== orderIds.length) violations.push(`${orderIds.length - orderRows.length} orders are missing`);
  return violations;
}

function checkOrder(
  order: Order,
  events: OrderEvent[],
  def: WorkflowDefinition | undefined,
  statusById: Map<number, typeof statuses.$inferSelect>,
  messagesPerEvent: Map<number, number>,
): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${order.number}: ${text}`);
  if (!def) return [`${order.number}: its order type has no definition`];
  const [created, ...changes] = events;
  if (created?.type !== "created") return [`${order.number}: history does not start with "created"`];
  let current = created.toStatusId!;
  let paid = false;
  let versions = 1;
  for (const event of changes) {
    if (VERSIONED.has(event.type)) versions += 1;
    if (event.type === "payment_recorded") {
      paid ||= (event.data as { fullyPaid?: boolean } | null)?.fullyPaid === true;
      continue;
    }
    if (event.type !== "status_changed") continue;
    if (event.fromStatusId !== current) say(`event ${event.id} starts from ${event.fromStatusId}, but the previous change ended in ${current}`);
    const verdict = evaluateTransition(def, { statusId: event.fromStatusId!, paid, paymentMethod: order.paymentMethod }, event.toStatusId!);
    if (!verdict.ok) say(`event ${event.id} (${event.fromStatusId} → ${event.toStatusId}) was not allowed: ${verdict.message}`);
    const target = statusById.get(event.toStatusId!);
    const expected = target ? recipientsFor(target, order).length : 0;
    const queued = messagesPerEvent.get(event.id) ?? 0;
    if (queued !== expected) say(`event ${event.id} queued ${queued} notifications, its status asks for ${expected}`);
    current = event.toStatusId!;
  }
  if (order.statusId !== current) say(`stored status ${order.statusId} differs from the last event's ${current}`);
  if (order.version !== versions) say(`version ${order.version} but ${versions - 1} changes were recorded`);
  if ((order.paidAt !== null) !== paid) say(`paid_at ${order.paidAt ? "set" : "empty"} but the payments say ${paid ? "paid" : "unpaid"}`);
  return problems;
}
