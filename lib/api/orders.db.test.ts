import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { idempotencyKeys, orderEvents, orders } from "@/db/schema";
import { createTestOrder } from "@/tests/support/fixtures";
import { apiEventSchema, apiOrderSchema, orderChangeSchema, orderPageSchema } from "./schemas";
import { call, expectProblem, expectShape, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("Shop connector", (shop) => ({ db, flow, key } = shop));

async function rowCounts() {
  const [o] = await db.select({ n: count() }).from(orders);
  const [e] = await db.select({ n: count() }).from(orderEvents);
  const [i] = await db.select({ n: count() }).from(idempotencyKeys);
  return { orders: o!.n, events: e!.n, idempotency: i!.n };
}

const newOrder = (overrides: Record<string, unknown> = {}) => ({
  orderTypeCode: flow.type.code,
  channel: "allegro",
  customer: { name: "Jan Nowak", email: "Jan@Example.com" },
  items: [{ sku: "TEA-1", name: "Tea", quantity: 3, unitPrice: 1299 }],
  paymentMethod: "transfer",
  ...overrides,
});

describe("POST /orders", () => {
  it("creates the order in its initial status, in minor units, with the key's name in the history", async () => {
    const res = await call(db, "POST", "/orders", { key, body: newOrder({ number: `API-${flow.suffix}` }) });
    expect(res.status).toBe(201);
    expectShape(apiOrderSchema, res.json);
    expect(res.json).toMatchObject({
      number: `API-${flow.suffix}`,
      orderType: flow.type.code,
      status: { code: flow.status.new.code, groupKind: "new" },
      version: 1,
      total: 3897,
      currency: "PLN",
      customer: { email: "jan@example.com" },
    });
    expect(res.json.trackingUrl).toMatch(/^http:\/\/localhost:3000\/track\/[A-Za-z0-9_-]{22}$/);
    const events = await call(db, "GET", `/orders/${res.json.number}/events`, { key });
    expect(events.json.data).toEqual([expect.objectContaining({ type: "created", to: flow.status.new.code, actor: { type: "api", label: "Shop connector" } })]);
  });

  it("refuses malformed JSON, other content types, an empty body and wrong types, writing nothing", async () => {
    const before = await rowCounts();
    expectProblem(await call(db, "POST", "/orders", { key, rawBody: '{"channel": ', headers: { "content-type": "application/json" } }), 400, "malformed_json");
    expectProblem(await call(db, "POST", "/orders", { key, rawBody: "", headers: { "content-type": "application/json" } }), 400, "malformed_json");
    expectProblem(await call(db, "POST", "/orders", { key, rawBody: "channel=shop", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type");
    expectProblem(await call(db, "POST", "/orders", { key, rawBody: JSON.stringify(newOrder()) }), 415, "unsupported_media_type");

    const wrong = expectProblem(
      await call(db, "POST", "/orders", { key, body: newOrder({ items: [{ sku: "A", name: "A", quantity: "2", unitPrice: 10.5 }], customer: {} }) }),
      422,
      "validation_failed",
    );
    expect(Object.keys(wrong.errors).sort()).toEqual(["customer.name", "items.0.quantity", "items.0.unitPrice"]);
    const extra = expectProblem(await call(db, "POST", "/orders", { key, body: newOrder({ totl: 5 }) }), 422, "validation_failed");
    expect(JSON.stringify(extra.errors)).toContain("totl");
    expectProblem(await call(db, "POST", "/orders", { key, body: [1, 2] }), 422, "validation_failed");
    const unknownType = expectProblem(await call(db, "POST", "/orders", { key, body: newOrder({ orderTypeCode: "nope" }) }), 422, "validation_failed");
    expect(unknownType.errors).toEqual({ orderTypeCode: ["Unknown order type"] });
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a retry with the same Idempotency-Key with the first order, and another body with 409", async () => {
    const before = await rowCounts();
    const headers = { "idempotency-key": `create-${flow.suffix}` };
    const first = await call(db, "POST", "/orders", { key, body: newOrder(), headers });
    const retry = await call(db, "POST", "/orders", { key, body: newOrder(), headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const clash = await call(db, "POST", "/orders", { key, body: newOrder({ channel: "shop" }), headers });
    expectProblem(clash, 409, "idempotency_conflict");
    expect(await rowCounts()).toEqual({ orders: before.orders + 1, events: before.events + 1, idempotency: before.idempotency + 1 });
  });

  it("refuses a phone that is not a number, with a field error, and stores a number normalised", async () => {
    const before = await rowCounts();
    for (const phone of ["<script>alert(1)</script>", "+48 600 100 200<img src=x>", "12345"]) {
      const res = await call(db, "POST", "/orders", { key, body: newOrder({ customer: { name: "Jan Nowak", phone } }) });
      expect(Object.keys(expectProblem(res, 422, "validation_failed").errors)).toEqual(["customer.phone"]);
    }
    expect(await rowCounts()).toEqual(before);
    const made = await call(db, "POST", "/orders", { key, body: newOrder({ customer: { name: "Jan Nowak", phone: "600 100-200" } }) });
    expect(made.status).toBe(201);
    expect(made.json.customer.phone).toBe("600100200");
  });

  it("takes up to 1,000 items and names up to 300 characters; more is refused on its field and writes nothing", async () => {
    const item = (i: number, name = `Item ${i}`) => ({ sku: `SKU-${i}`, name, quantity: 1, unitPrice: 100 });
    const items = (n: number) => Array.from({ length: n }, (_, i) => item(i));
    const before = await rowCounts();
    const tooMany = expectProblem(await call(db, "POST", "/orders", { key, body: newOrder({ items: items(1_001) }) }), 422, "validation_failed");
    expect(Object.keys(tooMany.errors)).toEqual(["items"]);
    const long = expectProblem(
      await call(db, "POST", "/orders", {
        key,
        body: newOrder({ items: [item(0, "x".repeat(301)), { ...item(1), sku: "s".repeat(101) }], shippingAddress: { name: "J", street: "s".repeat(301), postalCode: "00-001", city: "W", country: "PL" } }),
      }),
      422,
      "validation_failed",
    );
    expect(Object.keys(long.errors).sort()).toEqual(["items.0.name", "items.1.sku", "shippingAddress.street"]);
    expect(await rowCounts()).toEqual(before);

    const most = await call(db, "POST", "/orders", { key, body: newOrder({ items: [item(0, "x".repeat(300)), ...items(1_000).slice(1)] }) });
    expect(most.status).toBe(201);
    expect(most.json.items).toHaveLength(1_000);
  });

  it("refuses an unusable Idempotency-Key header and writes nothing", async () => {
    const before = await rowCounts();
    const res = await call(db, "POST", "/orders", { key, body: newOrder(), headers: { "idempotency-key": "x".repeat(300) } });
    expect(expectProblem(res, 422, "validation_failed").errors).toHaveProperty("Idempotency-Key");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("GET /orders", () => {
  it("filters by status, type and channel and pages with an opaque cursor", async () => {
    const channel = `pager-${flow.suffix}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createTestOrder(db, flow.type.code, { channel }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(db, "GET", `/orders?channel=${channel}&orderType=${flow.type.code}&status=${flow.status.new.code}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key });
      expect(res.status).toBe(200);
      expectShape(orderPageSchema, res.json);
      seen.push(...res.json.data.map((o: { number: string }) => o.number));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((o) => o.number));
    const none = await call(db, "GET", `/orders?channel=${channel}&status=${flow.status.shipped.code}`, { key });
    expect(none.json).toEqual({ data: [], nextCursor: null, hasMore: false });
  });

  it("filters by created and updated time", async () => {
    const channel = `since-${flow.suffix}`;
    const old = await createTestOrder(db, flow.type.code, { channel });
    await db.update(orders).set({ createdAt: new Date("2020-01-01T00:00:00Z"), updatedAt: new Date("2020-01-01T00:00:00Z") }).where(eq(orders.id, old.id));
    const fresh = await createTestOrder(db, flow.type.code, { channel });
    for (const filter of ["createdSince", "updatedSince"]) {
      const res = await call(db, "GET", `/orders?channel=${channel}&${filter}=2024-01-01T00:00:00Z`, { key });
      expect(res.json.data.map((o: { number: string }) => o.number)).toEqual([fresh.number]);
    }
  });

  it("refuses bad filters field by field", async () => {
    const res = await call(db, "GET", "/orders?limit=500&cursor=garbage&status=nope&createdSince=yesterday&colour=red", { key });
    const problem = expectProblem(res, 422, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(expect.arrayContaining(["limit", "createdSince"]));
    const codes = expectProblem(await call(db, "GET", "/orders?cursor=garbage&status=nope&orderType=nope", { key }), 422, "validation_failed");
    expect(Object.keys(codes.errors).sort()).toEqual(["cursor", "orderType", "status"]);
  });
});

describe("GET and PATCH /orders/{number}", () => {
  it("gets an order, and 404 for an unknown number", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const res = await call(db, "GET", `/orders/${order.number}`, { key });
    expect(res.json).toMatchObject({ number: order.number, version: order.version, total: 5000 });
    expectProblem(await call(db, "GET", "/orders/NOPE-1", { key }), 404, "not_found");
    expectProblem(await call(db, "GET", "/orders/NOPE-1/events", { key }), 404, "not_found");
  });

  it("sets courier and tracking number through setTracking, keeping fields left out", async () => {
    const order = await createTestOrder(db, flow.type.code, { courier: "dpd" });
    const res = await call(db, "PATCH", `/orders/${order.number}`, { key, body: { trackingNumber: "PL123", expectedVersion: 1 } });
    expect(res.status).toBe(200);
    expectShape(orderChangeSchema, res.json);
    expect(res.json.order).toMatchObject({ version: 2, shipping: { courier: "dpd", trackingNumber: "PL123" } });
    expect(res.json.event).toMatchObject({ type: "tracking_updated", actor: { type: "api", label: "Shop connector" } });
    const same = await call(db, "PATCH", `/orders/${order.number}`, { key, body: { trackingNumber: "PL123" } });
    expect(same.json).toMatchObject({ order: { version: 2 }, event: null });
  });

  it("refuses a stale version, bad values, an empty patch and an unknown order, writing nothing", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await rowCounts();
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: { trackingNumber: "A1", expectedVersion: 7 } }), 409, "version_conflict");
    const bad = expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: { courier: "DHL Express!", trackingNumber: 5 } }), 422, "validation_failed");
    expect(Object.keys(bad.errors).sort()).toEqual(["courier", "trackingNumber"]);
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: {} }), 422, "validation_failed");
    expectProblem(await call(db, "PATCH", "/orders/NOPE-2", { key, body: { trackingNumber: "A1" } }), 404, "not_found");
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, rawBody: "{", headers: { "content-type": "application/json" } }), 400, "malformed_json");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("POST /orders/{number}/payments and GET events", () => {
  it("records a payment in minor units and marks the order paid once it reaches the total", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const part = await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 2000, reference: "TX-1" } });
    expect(part.status).toBe(200);
    expect(part.json.order.payment).toMatchObject({ paidAmount: 2000, paidAt: null });
    const rest = await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 3000, expectedVersion: 2 } });
    expect(rest.json.order.payment.paidAt).toEqual(expect.any(String));
    const events = await call(db, "GET", `/orders/${order.number}/events`, { key });
    for (const e of events.json.data) expectShape(apiEventSchema, e);
    expect(events.json.data.map((e: { type: string }) => e.type)).toEqual(["created", "payment_recorded", "payment_recorded"]);
    expect(events.json.data[1].data).toMatchObject({ amount: 2000, reference: "TX-1" });
  });

  it("replays a payment retried with the same key instead of paying twice", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const headers = { "idempotency-key": `pay-${order.number}` };
    const a = await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 1000 }, headers });
    const b = await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 1000 }, headers });
    expect(b.json).toEqual(a.json);
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.paidAmount).toBe(1000);
  });

  it("refuses zero, fractions, strings, a stale version and an unknown order, writing nothing", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await rowCounts();
    for (const amount of [0, 12.5, "100", -5]) {
      const p = expectProblem(await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount } }), 422, "validation_failed");
      expect(p.errors).toHaveProperty("amount");
    }
    expectProblem(await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 100, expectedVersion: 9 } }), 409, "version_conflict");
    expectProblem(await call(db, "POST", "/orders/NOPE-3/payments", { key, body: { amount: 100 } }), 404, "not_found");
    // Past what the amount column holds: the client's mistake, answered as such, not a 500.
    const idempotent = { "idempotency-key": "too-big-1" };
    expectProblem(await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 2 ** 31 }, headers: idempotent }), 422, "validation_failed");
    expectProblem(await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: 2 ** 31 } }), 422, "validation_failed");
    expect(await rowCounts()).toEqual(before);
  });
});
