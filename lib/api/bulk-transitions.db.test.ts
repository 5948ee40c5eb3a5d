import { count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { apiKeys, idempotencyKeys, orderEvents, orders } from "@/db/schema";
import { requestHash } from "@/lib/integrations/idempotency";
import { transitionOrder } from "@/lib/orders";
import { createTestOrder } from "@/tests/support/fixtures";
import { bulkTransitionResultSchema, MAX_BULK_API_ORDERS } from "./bulk-schemas";
import { call, expectProblem, expectShape, keyFor, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("ERP bulk", (shop) => ({ db, flow, key } = shop));

const system = { type: "system" as const, label: "Test" };

async function freshOrders(n: number) {
  const list = [];
  for (let i = 0; i < n; i++) list.push(await createTestOrder(db, flow.type.code));
  return list;
}

/** Status, version and history length of each order, to prove what changed and what did not. */
async function stateOf(ids: number[]) {
  const rows = await db.select({ id: orders.id, statusId: orders.statusId, version: orders.version }).from(orders).where(inArray(orders.id, ids));
  const events = await db.select({ orderId: orderEvents.orderId, n: count() }).from(orderEvents).where(inArray(orderEvents.orderId, ids)).groupBy(orderEvents.orderId);
  return ids.map((id) => ({ ...rows.find((r) => r.id === id), events: events.find((e) => e.orderId === id)?.n ?? 0 }));
}

describe("POST /transitions", () => {
  it("changes each order on its own and answers per order with the single endpoint's problems", async () => {
    const [a, b, c, d] = await freshOrders(4);
    const cancelled = await transitionOrder(db, { orderId: b!.id, to: { id: flow.status.cancelled.id }, actor: system });
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    const before = await stateOf([b!.id, c!.id]);

    const res = await call(db, "POST", "/transitions", {
      key,
      body: {
        to: flow.status.awaiting_payment.code,
        orders: [{ number: a!.number, expectedVersion: 1 }, { number: b!.number }, { number: c!.number, expectedVersion: 7 }, { number: "NO-SUCH-ORDER" }, { number: d!.number }],
        comment: "Bulk from the ERP",
        customerVisible: true,
        notify: { email: false, sms: false },
      },
    });
    expect(res.status).toBe(200);
    expectShape(bulkTransitionResultSchema, res.json);
    const [lineA, lineB, lineC, lineUnknown, lineD] = res.json.results;
    expect(lineA).toMatchObject({ number: a!.number, ok: true, order: { version: 2, status: { code: flow.status.awaiting_payment.code } }, notificationsQueued: 0 });
    expect(lineB).toMatchObject({ number: b!.number, ok: false, problem: { code: "transition_not_allowed", status: 409 } });
    expect(lineB.problem.allowed).toEqual([]); // cancelled leads nowhere; and the list never carries database ids
    expect(lineC).toMatchObject({ number: c!.number, ok: false, problem: { code: "version_conflict", status: 409 } });
    expect(lineUnknown).toMatchObject({ number: "NO-SUCH-ORDER", ok: false, problem: { code: "not_found", status: 404 } });
    expect(lineD).toMatchObject({ number: d!.number, ok: true, order: { version: 2 } });
    expect(res.json.summary).toEqual({ changed: 2, refused: 3 });

    // What the single-order endpoint answers for the same refusal, member for member.
    const single = await call(db, "POST", `/orders/${c!.number}/transitions`, { key, body: { to: flow.status.awaiting_payment.code, expectedVersion: 7 } });
    expect(lineC.problem).toEqual(single.json);
    const singleB = await call(db, "POST", `/orders/${b!.number}/transitions`, { key, body: { to: flow.status.awaiting_payment.code } });
    expect(lineB.problem).toEqual(singleB.json);

    // The refusals changed nothing and undid nothing; each change is in the history under the key's name.
    expect(await stateOf([b!.id, c!.id])).toEqual(before);
    const [event] = await db.select().from(orderEvents).where(eq(orderEvents.id, lineA.eventId));
    expect(event).toMatchObject({ orderId: a!.id, toStatusId: flow.status.awaiting_payment.id, actorType: "api", actorLabel: "ERP bulk", comment: "Bulk from the ERP", customerVisible: true });
  });

  it("answers a rule's refusal (the payment gate) for that order only", async () => {
    const [unpaid] = await freshOrders(1);
    const res = await call(db, "POST", "/transitions", { key, body: { to: flow.status.picking.code, orders: [{ number: unpaid!.number }] } });
    expect(res.status).toBe(200);
    expect(res.json.results[0]).toMatchObject({ ok: false, problem: { code: "guard_failed", reason: "payment_required" } });
  });

  it("takes up to 100 orders and refuses 101 whole, naming the field", async () => {
    const hundred = Array.from({ length: MAX_BULK_API_ORDERS }, (_, i) => ({ number: `GHOST-${i}` }));
    const ok = await call(db, "POST", "/transitions", { key, body: { to: flow.status.picking.code, orders: hundred } });
    expect(ok.status).toBe(200);
    expect(ok.json.summary).toEqual({ changed: 0, refused: 100 });

    const [order] = await freshOrders(1);
    const before = await stateOf([order!.id]);
    const tooMany = [{ number: order!.number }, ...hundred];
    const problem = expectProblem(await call(db, "POST", "/transitions", { key, body: { to: flow.status.awaiting_payment.code, orders: tooMany } }), 422, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["orders"]);
    expect(await stateOf([order!.id])).toEqual(before);
  });

  it("refuses a request that cannot run at all, whole, field by field", async () => {
    const [order] = await freshOrders(1);
    const before = await stateOf([order!.id]);
    const cases: [Record<string, unknown>, string][] = [
      [{ to: "no_such_status", orders: [{ number: order!.number }] }, "to"],
      [{ to: flow.status.awaiting_payment.code, orders: [] }, "orders"],
      [{ to: flow.status.awaiting_payment.code, orders: [{ number: order!.number }, { number: order!.number }] }, "orders.1.number"],
      [{ to: flow.status.awaiting_payment.code, orders: [{ number: order!.number, expectedVerison: 1 }] }, "orders.0.expectedVerison"],
      [{ to: flow.status.awaiting_payment.code, orders: [{ number: order!.number }], notifyAll: true }, ""],
    ];
    for (const [body, field] of cases) {
      const problem = expectProblem(await call(db, "POST", "/transitions", { key, body }), 422, "validation_failed");
      if (field) expect(Object.keys(problem.errors)).toContain(field);
    }
    expect(await stateOf([order!.id])).toEqual(before);
  });

  it("needs a write key", async () => {
    const read = await keyFor(db, "read");
    expectProblem(await call(db, "POST", "/transitions", { key: read, body: { to: flow.status.picking.code, orders: [{ number: "X" }] } }), 403, "forbidden");
  });

  describe("idempotency", () => {
    const headers = (k: string) => ({ "idempotency-key": k });

    it("a retry with the same key gets the same answer and changes nothing twice; another body with that key is refused", async () => {
      const [a, b] = await freshOrders(2);
      const body = { to: flow.status.awaiting_payment.code, orders: [{ number: a!.number }, { number: b!.number, expectedVersion: 5 }] };
      const first = await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-1") });
      expect(first.status).toBe(200);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      expect(first.json.summary).toEqual({ changed: 1, refused: 1 });
      const after = await stateOf([a!.id, b!.id]);

      const retry = await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-1") });
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.json).toEqual(first.json);
      expect(await stateOf([a!.id, b!.id])).toEqual(after);

      const other = { ...body, orders: [{ number: b!.number }] };
      expectProblem(await call(db, "POST", "/transitions", { key, body: other, headers: headers("bulk-1") }), 409, "idempotency_conflict");
      expect(await stateOf([a!.id, b!.id])).toEqual(after);
    });

    it("keeps no answer for a request refused whole: the same key works once the cause is fixed", async () => {
      const [order] = await freshOrders(1);
      const body = { to: "not_yet_a_status", orders: [{ number: order!.number }] };
      expectProblem(await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-2") }), 422, "validation_failed");
      expectProblem(await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-2") }), 422, "validation_failed");
      const [apiKey] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.name, "ERP bulk"));
      const records = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "bulk-2"));
      expect(records.filter((r) => r.apiKeyId === apiKey!.id)).toHaveLength(0);
    });

    it("answers a duplicate that arrives while the first still runs with 409 idempotency_in_progress, and takes over a claim that lapsed", async () => {
      const [order] = await freshOrders(1);
      const body = { to: flow.status.awaiting_payment.code, orders: [{ number: order!.number }] };
      const [apiKey] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.name, "ERP bulk"));
      // The first request's claim, committed before its orders are changed.
      const [claim] = await db
        .insert(idempotencyKeys)
        .values({ apiKeyId: apiKey!.id, key: "bulk-3", method: "POST", path: "/transitions", requestHash: requestHash("POST", "/transitions", body) })
        .returning();
      const before = await stateOf([order!.id]);
      const busy = await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-3") });
      expectProblem(busy, 409, "idempotency_in_progress");
      expect(busy.headers.get("retry-after")).toBe("2");
      expect(await stateOf([order!.id])).toEqual(before);
      // Another body under the key is still a conflict, running or not.
      expectProblem(await call(db, "POST", "/transitions", { key, body: { ...body, comment: "x" }, headers: headers("bulk-3") }), 409, "idempotency_conflict");

      // The process behind the claim died: past the lease a retry runs and completes the record.
      await db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 10 * 60 * 1000) }).where(eq(idempotencyKeys.id, claim!.id));
      const taken = await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-3") });
      expect(taken.status).toBe(200);
      expect(taken.json.summary).toEqual({ changed: 1, refused: 0 });
      const [record] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.id, claim!.id));
      expect(record).toMatchObject({ responseStatus: 200, responseBody: taken.json });
      expect((await call(db, "POST", "/transitions", { key, body, headers: headers("bulk-3") })).json).toEqual(taken.json);
    });

    it("lets concurrent duplicates change each order once", async () => {
      const list = await freshOrders(3);
      const body = { to: flow.status.awaiting_payment.code, orders: list.map((o) => ({ number: o.number })) };
      const answers = await Promise.all([1, 2, 3].map(() => call(db, "POST", "/transitions", { key, body, headers: headers("bulk-4") })));
      const fresh = answers.filter((r) => r.status === 200 && r.headers.get("idempotent-replayed") === null);
      expect(fresh).toHaveLength(1);
      for (const other of answers.filter((r) => r !== fresh[0])) {
        if (other.status === 200) expect(other.json).toEqual(fresh[0]!.json);
        else expectProblem(other, 409, "idempotency_in_progress");
      }
      const states = await stateOf(list.map((o) => o.id));
      expect(states.map((s) => [s.statusId, s.version, s.events])).toEqual(list.map(() => [flow.status.awaiting_payment.id, 2, 2]));
    });
  });
});
