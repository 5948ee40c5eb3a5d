import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { orderEvents, orders } from "@/db/schema";
import { createTestOrder } from "@/tests/support/fixtures";
import { transitionResultSchema } from "./schemas";
import { call, expectProblem, expectShape, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("ERP Comarch", (shop) => ({ db, flow, key } = shop));

const path = (number: string) => `/orders/${number}/transitions`;

async function historyOf(orderId: number) {
  const [row] = await db.select({ n: count() }).from(orderEvents).where(eq(orderEvents.orderId, orderId));
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return { events: row!.n, statusId: order!.statusId, version: order!.version };
}

describe("POST /orders/{number}/transitions", () => {
  it("moves the order by status code through transitionOrder, recorded as made by the key's name", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const res = await call(db, "POST", path(order.number), {
      key,
      body: { to: flow.status.awaiting_payment.code, expectedVersion: 1, comment: "From the ERP", customerVisible: true, notify: { sms: false } },
    });
    expect(res.status).toBe(200);
    expectShape(transitionResultSchema, res.json);
    expect(res.json.order).toMatchObject({ version: 2, status: { code: flow.status.awaiting_payment.code } });
    expect(res.json.event).toMatchObject({
      type: "status_changed",
      from: flow.status.new.code,
      to: flow.status.awaiting_payment.code,
      actor: { type: "api", label: "ERP Comarch" },
      comment: "From the ERP",
      customerVisible: true,
    });
    // awaiting_payment notifies by email and SMS; the request switched SMS off.
    expect(res.json.notificationsQueued).toBe(1);
  });

  it("refuses a pair outside the matrix with 409 and the allowed targets by code", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await historyOf(order.id);
    const problem = expectProblem(await call(db, "POST", path(order.number), { key, body: { to: flow.status.completed.code } }), 409, "transition_not_allowed");
    expect(problem.allowed.map((s: { code: string }) => s.code).sort()).toEqual(
      [flow.status.awaiting_payment.code, flow.status.picking.code, flow.status.cancelled.code].sort(),
    );
    expect(problem.allowed[0]).not.toHaveProperty("id");
    expect(await historyOf(order.id)).toEqual(before);
  });

  it("refuses an unpaid order at the payment gate with 422 guard_failed and the reason", async () => {
    const order = await createTestOrder(db, flow.type.code);
    await call(db, "POST", path(order.number), { key, body: { to: flow.status.awaiting_payment.code } });
    const before = await historyOf(order.id);
    const problem = expectProblem(await call(db, "POST", path(order.number), { key, body: { to: flow.status.invoiced.code } }), 422, "guard_failed");
    expect(problem.reason).toBe("payment_required");
    expect(await historyOf(order.id)).toEqual(before);
  });

  it("refuses a stale expectedVersion with 409 version_conflict", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await historyOf(order.id);
    expectProblem(await call(db, "POST", path(order.number), { key, body: { to: flow.status.cancelled.code, expectedVersion: 5 } }), 409, "version_conflict");
    expect(await historyOf(order.id)).toEqual(before);
  });

  it("refuses an unknown status code, wrong types and an unknown order, writing nothing", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const before = await historyOf(order.id);
    const unknown = expectProblem(await call(db, "POST", path(order.number), { key, body: { to: "no_such_status" } }), 422, "validation_failed");
    expect(unknown.errors).toEqual({ to: ["No status has this code"] });
    const types = expectProblem(
      await call(db, "POST", path(order.number), { key, body: { to: 42, expectedVersion: "1", customerVisible: "yes", notify: { email: 1 } } }),
      422,
      "validation_failed",
    );
    expect(Object.keys(types.errors).sort()).toEqual(["customerVisible", "expectedVersion", "notify.email", "to"]);
    expectProblem(await call(db, "POST", path(order.number), { key, body: {} }), 422, "validation_failed");
    expectProblem(await call(db, "POST", path(order.number), { key, rawBody: "{to:", headers: { "content-type": "application/json" } }), 400, "malformed_json");
    expectProblem(await call(db, "POST", path("NOPE-9"), { key, body: { to: flow.status.cancelled.code } }), 404, "not_found");
    expect(await historyOf(order.id)).toEqual(before);
  });

  it("replays a retried transition instead of changing the order twice", async () => {
    const order = await createTestOrder(db, flow.type.code, { paymentMethod: "cod" });
    const headers = { "idempotency-key": `erp-move-${order.number}` };
    const body = { to: flow.status.picking.code, expectedVersion: 1 };
    const first = await call(db, "POST", path(order.number), { key, body, headers });
    const retry = await call(db, "POST", path(order.number), { key, body, headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await historyOf(order.id)).toMatchObject({ events: 2, version: 2 });
    expectProblem(await call(db, "POST", path(order.number), { key, body: { to: flow.status.cancelled.code }, headers }), 409, "idempotency_conflict");
    expect(await historyOf(order.id)).toMatchObject({ events: 2, version: 2 });
  });

  it("does not store a refusal: the same key succeeds once the cause is fixed", async () => {
    const order = await createTestOrder(db, flow.type.code);
    await call(db, "POST", path(order.number), { key, body: { to: flow.status.awaiting_payment.code } });
    const headers = { "idempotency-key": `after-payment-${order.number}` };
    const body = { to: flow.status.invoiced.code };
    expectProblem(await call(db, "POST", path(order.number), { key, body, headers }), 422, "guard_failed");
    await call(db, "POST", `/orders/${order.number}/payments`, { key, body: { amount: order.total } });
    const moved = await call(db, "POST", path(order.number), { key, body, headers });
    expect(moved.status).toBe(200);
    expect(moved.json.order.status.code).toBe(flow.status.invoiced.code);
  });
});
