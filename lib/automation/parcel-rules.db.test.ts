import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { automationRules, statuses } from "@/db/schema";
import { applyPreset } from "@/db/seed/apply-preset";
import { marketplacePreset, retailPreset } from "@/db/seed/presets";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { recordParcelEvent } from "@/lib/parcels/record";
import { createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { dryRunAutomations } from "./dry-run";
import { applyAutomationPreset } from "./presets";
import { addRule, historyOf, reload } from "./test-support";

/** The parcel event trigger and its two presets, on the shipped presets' own status codes. */
let handle: DbHandle;
let db: Db;
const inpost = { type: "system" as const, id: "carrier:inpost", label: "InPost" };
const at = new Date("2026-03-20T14:08:42Z");

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await applyPreset(db, { preset: retailPreset, locale: "en", orderType: { code: "retail", name: "Retail" } });
  await applyPreset(db, { preset: marketplacePreset, locale: "en", orderType: { code: "marketplace", name: "Marketplace" } });
  for (const key of ["parcel_delivered_complete", "parcel_returned_to_sender"]) {
    const applied = await applyAutomationPreset(db, key, SYSTEM_AUDIT_ACTOR);
    if (!applied.ok) throw new Error(applied.error.message);
  }
});
afterAll(async () => handle?.close());

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const statusCode = async (orderId: number) => {
  const order = await reload(db, orderId);
  return (await db.select({ code: statuses.code }).from(statuses).where(eq(statuses.id, order.statusId)))[0]!.code;
};

/** A paid order walked to `path`'s end, with InPost's parcel on it. */
async function shippedOrder(orderTypeCode: "retail" | "marketplace", path: string[]) {
  const order = await createTestOrder(db, orderTypeCode, { paymentMethod: "card" });
  must(await recordPayment(db, { orderId: order.id, amount: order.total, actor: inpost }));
  for (const code of path) must(await transitionOrder(db, { orderId: order.id, to: { code }, actor: inpost }));
  must(await setTracking(db, { orderId: order.id, courier: "inpost", trackingNumber: `TN-${order.id}`, actor: inpost }));
  return order;
}

describe("the parcel event trigger", () => {
  it("completes a shipped order when the carrier reports it delivered (preset), as a change made by the rule", async () => {
    const order = await shippedOrder("retail", ["in_progress", "shipped"]);
    must(await recordParcelEvent(db, { orderId: order.id, event: "in_transit", carrierStatus: "adopted_at_sorting_center", occurredAt: at, actor: inpost }));
    expect(await statusCode(order.id)).toBe("shipped");
    must(await recordParcelEvent(db, { orderId: order.id, event: "delivered", occurredAt: at, actor: inpost }));
    expect(await statusCode(order.id)).toBe("completed");
    const [parcel, change] = (await historyOf(db, order.id)).slice(-2);
    expect(parcel).toMatchObject({ type: "parcel_event", actorLabel: "InPost" });
    expect(change).toMatchObject({ type: "status_changed", actorType: "automation", actorLabel: "Parcel delivered → Completed" });
  });

  it("marks an order returned when the carrier reports the parcel returned to sender (preset)", async () => {
    const order = await shippedOrder("marketplace", ["picking", "packing", "courier_inpost", "shipped"]);
    must(await recordParcelEvent(db, { orderId: order.id, event: "returned_to_sender", occurredAt: at, actor: inpost }));
    expect(await statusCode(order.id)).toBe("returned");
  });

  it("keeps the parcel event when the process refuses the rule's change, recording the failure beside it", async () => {
    const order = await shippedOrder("retail", ["in_progress"]);
    must(await recordParcelEvent(db, { orderId: order.id, event: "delivered", occurredAt: at, actor: inpost }));
    expect(await statusCode(order.id)).toBe("in_progress");
    expect((await historyOf(db, order.id)).slice(-2).map((e) => e.type)).toEqual(["parcel_event", "automation_failed"]);
  });

  it("fires only for the events and carriers it names, whatever their case", async () => {
    await db.update(automationRules).set({ enabled: false });
    const rule = await addRule(db, {
      name: "DPD out for delivery",
      trigger: { type: "parcel_event", events: ["out_for_delivery"], carriers: ["DPD"] },
      actions: [{ type: "add_comment", body: "On the van" }],
    });
    expect(rule.triggerConfig).toEqual({ events: ["out_for_delivery"], carriers: ["dpd"] });
    const order = await shippedOrder("retail", ["in_progress", "shipped"]);
    const comments = async () => (await historyOf(db, order.id)).filter((e) => e.type === "comment").map((e) => e.comment);
    must(await recordParcelEvent(db, { orderId: order.id, event: "out_for_delivery", occurredAt: at, actor: inpost }));
    must(await recordParcelEvent(db, { orderId: order.id, event: "delivered", carrier: "dpd", occurredAt: at, actor: inpost }));
    expect(await comments()).toEqual([]);
    must(await recordParcelEvent(db, { orderId: order.id, event: "out_for_delivery", carrier: "dpd", occurredAt: at, actor: inpost }));
    expect(await comments()).toEqual(["On the van"]);
    // The presets' rules back on, this one off, for the next test.
    await db.update(automationRules).set({ enabled: true }).where(and(eq(automationRules.trigger, "parcel_event"), ne(automationRules.id, rule.id)));
    await db.update(automationRules).set({ enabled: false }).where(eq(automationRules.id, rule.id));
  });

  it("dry-runs a parcel event: the preset would complete the order, and nothing is written", async () => {
    const order = await shippedOrder("retail", ["in_progress", "shipped"]);
    const before = await historyOf(db, order.id);
    const report = must(await dryRunAutomations(db, { orderNumber: order.number, trigger: "parcel_event", parcelEvent: "delivered" }));
    expect(report).toMatchObject({ statusBefore: "Shipped", statusAfter: "Completed" });
    expect(report.rules.map((r) => [r.ruleName, r.matched])).toEqual([["Parcel delivered → Completed", true]]);
    const inTransit = must(await dryRunAutomations(db, { orderNumber: order.number, trigger: "parcel_event", parcelEvent: "in_transit" }));
    expect(inTransit.rules).toEqual([]);
    expect(await historyOf(db, order.id)).toEqual(before);
  });
});
