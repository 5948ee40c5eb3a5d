import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders, outbox, parcelEvents, webhookEndpoints } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { getTrackingStamp, getTrackingView } from "@/db/queries/tracking";
import { historyOf, reload } from "@/lib/automation/test-support";
import { createWebhookEndpoint } from "@/lib/integrations/webhooks/endpoints";
import type { WebhookPayload } from "@/lib/integrations/webhooks/payload";
import { setTracking } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { recordParcelEvent } from "./record";

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
const inpost = { type: "system" as const, id: "carrier:inpost", label: "InPost" };
const at = new Date("2026-03-20T14:08:42Z");

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
});
afterAll(async () => handle?.close());

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An order with InPost's parcel on it. */
async function parcelOrder(trackingNumber = `6026774393316303376${Math.floor(Math.random() * 1e5)}`) {
  const order = await createTestOrder(db, flow.type.code);
  must(await setTracking(db, { orderId: order.id, courier: "inpost", trackingNumber, actor: inpost }));
  return { ...(await reload(db, order.id)), trackingNumber };
}

describe("recordParcelEvent", () => {
  it("records the event on the order: a customer-visible history entry with the carrier's facts, the version bumped, the status untouched", async () => {
    const order = await parcelOrder();
    const { order: after, event } = must(await recordParcelEvent(db, { orderId: order.id, event: "delivered", carrierStatus: "delivered", occurredAt: at, actor: inpost }));
    expect(event).toMatchObject({
      type: "parcel_event",
      actorType: "system",
      actorLabel: "InPost",
      customerVisible: true,
      data: { event: "delivered", carrier: "inpost", carrierStatus: "delivered", trackingNumber: order.trackingNumber, occurredAt: at.toISOString() },
    });
    expect(after.version).toBe(order.version + 1);
    expect(after.statusId).toBe(order.statusId);
    const [row] = await db.select().from(parcelEvents).where(eq(parcelEvents.eventId, event!.id));
    expect(row).toMatchObject({ orderId: order.id, carrier: "inpost", trackingNumber: order.trackingNumber, carrierStatus: "delivered", event: "delivered", occurredAt: at });
  });

  it("records a report once: the same carrier, tracking number, status and time again changes nothing", async () => {
    const order = await parcelOrder();
    const report = { orderId: order.id, event: "in_transit" as const, carrierStatus: "adopted_at_sorting_center", occurredAt: at, actor: inpost };
    must(await recordParcelEvent(db, report));
    const again = must(await recordParcelEvent(db, report));
    expect(again.event).toBeNull();
    expect(again.order.version).toBe(order.version + 1);
    expect((await historyOf(db, order.id)).filter((e) => e.type === "parcel_event")).toHaveLength(1);
    // The same status at another time, or another status at the same time, is news.
    must(await recordParcelEvent(db, { ...report, occurredAt: new Date(at.getTime() + 60_000) }));
    must(await recordParcelEvent(db, { ...report, carrierStatus: "sent_from_sorting_center" }));
    expect(await db.select().from(parcelEvents).where(eq(parcelEvents.orderId, order.id))).toHaveLength(3);
  });

  it("records copies of one report arriving at once only once: the second waits for the order's lock and finds the first", async () => {
    const order = await parcelOrder();
    const report = { orderId: order.id, event: "out_for_delivery" as const, carrierStatus: "out_for_delivery", occurredAt: at, actor: inpost };
    const results = await Promise.all([1, 2, 3].map(() => recordParcelEvent(db, report)));
    expect(results.map((r) => r.ok && r.value.event !== null).filter(Boolean)).toHaveLength(1);
    expect(await db.select().from(parcelEvents).where(eq(parcelEvents.orderId, order.id))).toHaveLength(1);
    expect((await reload(db, order.id)).version).toBe(order.version + 1);
  });

  it("takes the carrier and tracking number from the order unless given, and the neutral event as the carrier's status", async () => {
    const order = await parcelOrder();
    const { event } = must(await recordParcelEvent(db, { orderId: order.id, event: "ready_for_pickup", occurredAt: at, actor: inpost }));
    expect(event!.data).toEqual({ event: "ready_for_pickup", carrier: "inpost", carrierStatus: "ready_for_pickup", trackingNumber: order.trackingNumber, occurredAt: at.toISOString() });
    const returned = must(await recordParcelEvent(db, { orderId: order.id, event: "returned_to_sender", carrier: "dpd", trackingNumber: "RET-1", occurredAt: at, actor: inpost }));
    expect(returned.event!.data).toMatchObject({ carrier: "dpd", trackingNumber: "RET-1" });
  });

  it("refuses, by field, a parcel it cannot name, a time a day ahead and a stale version, writing nothing", async () => {
    const bare = await createTestOrder(db, flow.type.code);
    const fields = async (input: Partial<Parameters<typeof recordParcelEvent>[1]>) => {
      const result = await recordParcelEvent(db, { orderId: bare.id, event: "delivered", occurredAt: at, actor: inpost, ...input });
      if (result.ok) throw new Error("recorded");
      return [result.error.code, Object.keys(result.error.fieldErrors ?? {})];
    };
    expect(await fields({})).toEqual(["validation_failed", ["carrier"]]);
    expect(await fields({ carrier: "inpost" })).toEqual(["validation_failed", ["trackingNumber"]]);
    expect(await fields({ carrier: "InPost", trackingNumber: "1" })).toEqual(["validation_failed", ["carrier"]]);
    expect(await fields({ carrier: "inpost", trackingNumber: "1", occurredAt: new Date(Date.now() + 25 * 3600_000) })).toEqual(["validation_failed", ["occurredAt"]]);
    expect(await fields({ carrier: "inpost", trackingNumber: "1", carrierStatus: "bad status!" })).toEqual(["validation_failed", ["carrierStatus"]]);
    expect(await fields({ carrier: "inpost", trackingNumber: "1", expectedVersion: 9 })).toEqual(["version_conflict", []]);
    expect((await historyOf(db, bare.id)).map((e) => e.type)).toEqual(["created"]);
    expect((await reload(db, bare.id)).version).toBe(1);
  });

  it("shows on the customer's tracking page at once, as the event and the carrier", async () => {
    const order = await parcelOrder();
    const stamp = await getTrackingStamp({ db, token: order.trackingToken });
    must(await recordParcelEvent(db, { orderId: order.id, event: "out_for_delivery", carrierStatus: "out_for_delivery_to_address", occurredAt: at, actor: inpost }));
    // The page's cache is keyed by the order's last change: a new report misses it.
    expect(await getTrackingStamp({ db, token: order.trackingToken })).not.toBe(stamp);
    const { view } = (await getTrackingView({ db, token: order.trackingToken, locale: "pl" }))!;
    expect(view.timeline[0]).toEqual({ at, label: null, comment: null, parcel: { event: "out_for_delivery", carrier: "inpost" } });
    expect(JSON.stringify(view.timeline)).not.toContain("out_for_delivery_to_address");
  });

  it("is announced as order.parcel_event, in the order's webhook sequence", async () => {
    await db.update(webhookEndpoints).set({ enabled: false });
    const endpoint = must(await createWebhookEndpoint(db, { url: "https://erp.example.com/parcels", eventTypes: ["order.parcel_event"] }, SYSTEM_AUDIT_ACTOR));
    const order = await parcelOrder();
    const { event } = must(await recordParcelEvent(db, { orderId: order.id, event: "delivered", occurredAt: at, actor: inpost }));
    const rows = await db.select().from(outbox).where(and(eq(outbox.orderId, order.id), eq(outbox.webhookEndpointId, endpoint.id)));
    expect(rows).toHaveLength(1);
    const payload = rows[0]!.payload as unknown as WebhookPayload;
    const [now] = await db.select({ version: orders.version }).from(orders).where(eq(orders.id, order.id));
    expect(payload).toMatchObject({
      type: "order.parcel_event",
      data: { eventId: event!.id, sequence: now!.version, details: { event: "delivered", carrier: "inpost", trackingNumber: order.trackingNumber } },
    });
    await db.update(webhookEndpoints).set({ enabled: false });
  });
});
