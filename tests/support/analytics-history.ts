import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { orderEvents, orders, statuses, type Status } from "@/db/schema";
import { createRetailWorkflow } from "./fixtures";

/*
 * Test support: orders with hand-chosen histories, written straight into `orders` and
 * `order_events`. The analytics read the events table, so a test that sets each event's moment
 * tests exactly the durations it states; going through the services would stamp "now" everywhere.
 */

export type Step = { status: Status; at: string };
export type Touch = { type: "payment_recorded" | "tracking_updated" | "comment"; at: string };

export async function insertHistory(
  db: Db,
  input: { orderTypeId: number; channel?: string; steps: Step[]; touches?: Touch[] },
): Promise<{ id: number; number: string }> {
  const [first, ...moves] = input.steps;
  if (!first) throw new Error("a history starts with its created step");
  const last = input.steps[input.steps.length - 1]!;
  const lastTouch = [...input.steps.map((s) => s.at), ...(input.touches ?? []).map((t) => t.at)].sort().at(-1)!;
  const number = `AN-${randomBytes(5).toString("hex")}`;
  const [order] = await db
    .insert(orders)
    .values({
      number,
      orderTypeId: input.orderTypeId,
      statusId: last.status.id,
      statusChangedAt: new Date(last.at),
      channel: input.channel ?? "shop",
      customerName: "Zofia Łęcka",
      total: 1000,
      paymentMethod: "card",
      trackingToken: randomBytes(16).toString("base64url"),
      createdAt: new Date(first.at),
      updatedAt: new Date(lastTouch),
    })
    .returning({ id: orders.id, number: orders.number });
  const actor = { actorType: "system" as const, actorLabel: "Test" };
  let previous = first.status;
  const events: (typeof orderEvents.$inferInsert)[] = [
    { orderId: order!.id, type: "created", toStatusId: first.status.id, createdAt: new Date(first.at), ...actor },
  ];
  for (const step of moves) {
    events.push({
      orderId: order!.id,
      type: "status_changed",
      fromStatusId: previous.id,
      toStatusId: step.status.id,
      createdAt: new Date(step.at),
      ...actor,
    });
    previous = step.status;
  }
  for (const touch of input.touches ?? []) events.push({ orderId: order!.id, type: touch.type, createdAt: new Date(touch.at), ...actor });
  // Inserted in time order, as the services write them, so ids follow the history.
  events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  await db.insert(orderEvents).values(events);
  return order!;
}

/**
 * The retail test workflow plus a return status (in the not-completed group, as the marketplace
 * preset's "Zwrot") and SLAs: new 3 h, picking 24 h, shipped none.
 */
export async function createAnalyticsWorkflow(db: Db) {
  const wf = await createRetailWorkflow(db);
  const [returned] = await db
    .insert(statuses)
    .values({ code: `returned_${wf.suffix}`, name: "Zwrot", colour: "#9f1239", groupId: wf.status.cancelled.groupId, position: 99 })
    .returning();
  await db.update(statuses).set({ slaHours: 3 }).where(eq(statuses.id, wf.status.new.id));
  await db.update(statuses).set({ slaHours: 24 }).where(eq(statuses.id, wf.status.picking.id));
  return { ...wf, status: { ...wf.status, returned: returned! } };
}
