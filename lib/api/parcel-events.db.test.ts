import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { historyOf } from "@/lib/automation/test-support";
import { setTracking } from "@/lib/orders";
import { createTestOrder } from "@/tests/support/fixtures";
import { orderChangeSchema } from "./schemas";
import { call, expectProblem, expectShape, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("ERP Comarch", (shop) => ({ db, flow, key } = shop));

const path = (number: string) => `/orders/${number}/parcel-events`;

async function parcelOrder() {
  const order = await createTestOrder(db, flow.type.code);
  const tracked = await setTracking(db, { orderId: order.id, courier: "inpost", trackingNumber: `60267743933163033${order.id}`, actor: { type: "system", label: "Test" } });
  if (!tracked.ok) throw new Error(tracked.error.message);
  return tracked.value.order;
}

describe("POST /orders/{number}/parcel-events", () => {
  it("records the carrier's report as a parcel_event made by the key, with the carrier, tracking number and status defaulted from the order", async () => {
    const order = await parcelOrder();
    const res = await call(db, "POST", path(order.number), { key, body: { event: "delivered", occurredAt: "2026-03-20T15:08:42+01:00", expectedVersion: order.version } });
    expect(res.status).toBe(200);
    expectShape(orderChangeSchema, res.json);
    expect(res.json.order).toMatchObject({ number: order.number, version: order.version + 1, status: { code: flow.status.new.code } });
    expect(res.json.event).toMatchObject({
      type: "parcel_event",
      actor: { type: "api", label: "ERP Comarch" },
      customerVisible: true,
      data: { event: "delivered", carrier: "inpost", carrierStatus: "delivered", trackingNumber: order.trackingNumber, occurredAt: "2026-03-20T14:08:42.000Z" },
    });
  });

  it("answers a report already recorded with event null and changes nothing, even under another idempotency key", async () => {
    const order = await parcelOrder();
    const body = { event: "in_transit", carrier: "inpost", carrierStatus: "adopted_at_sorting_center", occurredAt: "2026-03-20T10:00:00Z" };
    const first = await call(db, "POST", path(order.number), { key, body, headers: { "idempotency-key": `a-${order.number}` } });
    const replay = await call(db, "POST", path(order.number), { key, body, headers: { "idempotency-key": `a-${order.number}` } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    const repeat = await call(db, "POST", path(order.number), { key, body, headers: { "idempotency-key": `b-${order.number}` } });
    expect(repeat.status).toBe(200);
    expect(repeat.json).toMatchObject({ event: null, order: { version: first.json.order.version } });
    expect((await historyOf(db, order.id)).filter((e) => e.type === "parcel_event")).toHaveLength(1);
  });

  it("refuses by field: an event that is not neutral, a time without an offset, an unknown field, an order without a parcel to name", async () => {
    const order = await parcelOrder();
    const fields = async (number: string, body: unknown) => Object.keys(expectProblem(await call(db, "POST", path(number), { key, body }), 422, "validation_failed").errors ?? {});
    expect(await fields(order.number, { event: "lost_in_space", occurredAt: "2026-03-20T10:00:00Z" })).toEqual(["event"]);
    expect(await fields(order.number, { event: "delivered", occurredAt: "2026-03-20 10:00:00" })).toEqual(["occurredAt"]);
    expect(await fields(order.number, { event: "delivered" })).toEqual(["occurredAt"]);
    expect(await fields(order.number, { event: "delivered", occurredAt: "2026-03-20T10:00:00Z", carrierStatuss: "x" })).toEqual(["carrierStatuss"]);
    const bare = await createTestOrder(db, flow.type.code);
    expect(await fields(bare.number, { event: "delivered", occurredAt: "2026-03-20T10:00:00Z" })).toEqual(["carrier"]);
    expect((await historyOf(db, order.id)).filter((e) => e.type === "parcel_event")).toEqual([]);
  });

  it("answers an unknown order with 404 and a stale version with 409", async () => {
    const order = await parcelOrder();
    const body = { event: "delivered", occurredAt: "2026-03-20T10:00:00Z" };
    expectProblem(await call(db, "POST", path("ORD-NOPE"), { key, body }), 404, "not_found");
    expectProblem(await call(db, "POST", path(order.number), { key, body: { ...body, expectedVersion: order.version + 5 } }), 409, "version_conflict");
  });

  it("shows in the order's history and the feed as parcel_event with its place in the webhook sequence", async () => {
    const order = await parcelOrder();
    const res = await call(db, "POST", path(order.number), { key, body: { event: "ready_for_pickup", carrierStatus: "ready_to_pickup", occurredAt: "2026-03-20T10:00:00Z" } });
    const page = await call(db, "GET", `/orders/${order.number}/events`, { key });
    const entry = page.json.data.find((e: { type: string }) => e.type === "parcel_event");
    expect(entry).toMatchObject({ id: res.json.event.id, sequence: res.json.order.version, data: { event: "ready_for_pickup", carrierStatus: "ready_to_pickup" } });
    const typed = await call(db, "GET", "/events?types=parcel_event", { key });
    expect(typed.status).toBe(200);
  });
});
