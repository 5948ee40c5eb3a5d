import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { orderEvents, orders, outbox, statuses } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { createWebhookEndpoint } from "@/lib/integrations/webhooks/endpoints";
import { transitionOrder } from "@/lib/orders";
import { createTestOrder } from "@/tests/support/fixtures";
import { buildOpenApiDocument } from "./openapi";
import { apiEventSchema, apiStatusSchema, orderChangeSchema, problemSchema } from "./schemas";
import { call, expectProblem, expectShape, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("ERP", (shop) => ({ db, flow, key } = shop));
beforeAll(async () => {
  await db.update(statuses).set({ allowsEditing: true }).where(eq(statuses.id, flow.status.new.id));
});

async function written(orderId: number) {
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId));
  const [e] = await db.select({ n: count() }).from(orderEvents).where(eq(orderEvents.orderId, orderId));
  return { order: o!, events: e!.n };
}

describe("PATCH /orders/{number}: editing", () => {
  it("edits customer, address and items, answers the order and its order_edited entry, and queues order.updated", async () => {
    const endpoint = await createWebhookEndpoint(db, { url: "https://erp.example.com/hooks/api-edit", eventTypes: ["order.updated"] }, SYSTEM_AUDIT_ACTOR);
    if (!endpoint.ok) throw new Error(endpoint.error.message);
    const order = await createTestOrder(db, flow.type.code);
    const res = await call(db, "PATCH", `/orders/${order.number}`, {
      key,
      body: {
        customer: { name: "Anna Nowak", email: "Anna.Nowak@Example.com" },
        shippingAddress: { name: "Anna Nowak", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "PL" },
        items: [{ sku: "MUG-1", name: "Mug", quantity: 4, unitPrice: 2500 }],
        expectedVersion: order.version,
      },
    });
    expect(res.status).toBe(200);
    expectShape(orderChangeSchema, res.json);
    expect(res.json.order).toMatchObject({
      version: order.version + 1,
      total: 10000,
      customer: { name: "Anna Nowak", email: "anna.nowak@example.com", phone: "+48600100200" },
      shipping: { address: { city: "Warszawa" } },
    });
    expect(res.json.event).toMatchObject({ type: "order_edited", actor: { type: "api", label: "ERP" } });
    expect(Object.keys(res.json.event.data.changes).sort()).toEqual(["customer.email", "customer.name", "items", "shippingAddress", "total"]);
    expect(res.json.event.data.changes.total).toEqual({ before: 5000, after: 10000 });

    const events = await call(db, "GET", `/orders/${order.number}/events`, { key });
    for (const e of events.json.data) expectShape(apiEventSchema, e);
    expect(events.json.data.map((e: { type: string }) => e.type)).toEqual(["created", "order_edited"]);

    const deliveries = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, order.id), eq(outbox.webhookEndpointId, endpoint.value.id)));
    expect(deliveries.map((d) => (d.payload as { type: string }).type)).toEqual(["order.updated"]);

    // The same edit again changes nothing.
    const again = await call(db, "PATCH", `/orders/${order.number}`, { key, body: { items: [{ sku: "MUG-1", name: "Mug", quantity: 4, unitPrice: 2500 }] } });
    expect(again.json).toMatchObject({ order: { version: order.version + 1 }, event: null });
  });

  it("refuses unknown nested fields, bad values and tracking mixed with an edit, field by field, writing nothing", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await written(order.id);
    const nested = expectProblem(
      await call(db, "PATCH", `/orders/${order.number}`, {
        key,
        body: {
          customer: { name: "X", nickname: "x" },
          shippingAddress: { name: "A", street: "B", postalCode: "1", city: "C", country: "PL", floor: 3 },
          items: [{ sku: "A", name: "A", quantity: 1, unitPrice: 1, discount: 5 }],
        },
      }),
      422,
      "validation_failed",
    );
    expect(Object.keys(nested.errors).sort()).toEqual(["customer.nickname", "items.0.discount", "shippingAddress.floor"]);
    const bad = expectProblem(
      await call(db, "PATCH", `/orders/${order.number}`, { key, body: { customer: { email: "not an email" }, items: [], total: -1 } }),
      422,
      "validation_failed",
    );
    expect(Object.keys(bad.errors).sort()).toEqual(["customer.email", "items", "total"]);
    const mixed = expectProblem(
      await call(db, "PATCH", `/orders/${order.number}`, { key, body: { trackingNumber: "PL1", customer: { name: "Y" } } }),
      422,
      "validation_failed",
    );
    expect(Object.keys(mixed.errors)).toEqual(["customer"]);
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: { customer: {} } }), 422, "validation_failed");
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: { total: 1, expectedVersion: 9 } }), 409, "version_conflict");
    expect(await written(order.id)).toEqual(before);
  });

  it("refuses an edit with 409 editing_not_allowed once the status does not allow it; tracking still goes through", async () => {
    const order = await createTestOrder(db, flow.type.code, { paymentMethod: "cod" });
    const moved = await transitionOrder(db, { orderId: order.id, to: { id: flow.status.picking.id }, actor: { type: "system", label: "Test" } });
    if (!moved.ok) throw new Error(moved.error.message);
    const before = await written(order.id);
    const refused = expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key, body: { customer: { name: "Late Change" } } }), 409, "editing_not_allowed");
    expect(refused.orderStatus).toEqual({ code: flow.status.picking.code, name: "Picking" });
    expectShape(problemSchema, refused);
    expect(await written(order.id)).toEqual(before);

    const tracking = await call(db, "PATCH", `/orders/${order.number}`, { key, body: { courier: "inpost", trackingNumber: "PL999" } });
    expect(tracking.status).toBe(200);
    expect(tracking.json.event).toMatchObject({ type: "tracking_updated" });
  });

  it("shows each status's allowsEditing, and documents the fields and the refusal", async () => {
    const list = await call(db, "GET", "/statuses", { key });
    for (const s of list.json.data) expectShape(apiStatusSchema, s);
    const byCode = new Map(list.json.data.map((s: { code: string; allowsEditing: boolean }) => [s.code, s.allowsEditing]));
    expect(byCode.get(flow.status.new.code)).toBe(true);
    expect(byCode.get(flow.status.picking.code)).toBe(false);

    const doc = JSON.stringify(buildOpenApiDocument().paths["/orders/{number}"]);
    for (const field of ["customer", "shippingAddress", "items", "total", "courier", "editing_not_allowed"]) expect(doc).toContain(field);
  });
});
