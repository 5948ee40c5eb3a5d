import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox } from "@/db/schema";
import { archiveStatus, createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { recordPayment, transitionOrder, transitionOrders } from "./index";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

/** Everything a refusal must leave untouched. */
async function footprint(orderId: number) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
  const messages = await db.select().from(outbox).where(eq(outbox.orderId, orderId));
  return { order, events: events.length, messages: messages.length };
}

describe("transitionOrder", () => {
  it("moves an order along the matrix, bumps the version and records who did it", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const result = await transitionOrder(db, {
      orderId: order.id,
      to: { id: wf.status.awaiting_payment.id },
      actor: staff,
      expectedVersion: order.version,
      comment: "Waiting for the transfer",
      customerVisible: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.order.statusId).toBe(wf.status.awaiting_payment.id);
    expect(result.value.order.version).toBe(order.version + 1);
    expect(result.value.event).toMatchObject({
      type: "status_changed",
      fromStatusId: wf.status.new.id,
      toStatusId: wf.status.awaiting_payment.id,
      actorType: "user",
      actorId: "7",
      actorLabel: "Stan Staff",
      comment: "Waiting for the transfer",
      customerVisible: true,
    });
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored?.statusId).toBe(wf.status.awaiting_payment.id);
    // The service answers with the order as stored, every column, without reading it back.
    expect(result.value.order).toEqual(stored);
    const [storedEvent] = await db.select().from(orderEvents).where(eq(orderEvents.id, result.value.event.id));
    expect(result.value.event).toEqual(storedEvent);
  });

  it("queues the target status's email and SMS with a variables snapshot, not rendered text", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const result = await transitionOrder(db, {
      orderId: order.id,
      to: { code: wf.status.awaiting_payment.code },
      actor: staff,
      comment: "Thanks!",
      customerVisible: true,
    });
    expect(result.ok && result.value.notificationsQueued).toBe(2);
    const rows = await db
      .select()
      .from(outbox)
      .where(eq(outbox.eventId, result.ok ? result.value.event.id : -1))
      .orderBy(asc(outbox.id));
    expect(rows.map((r) => [r.kind, r.recipient, r.state])).toEqual([
      ["email", "anna@example.com", "pending"],
      ["sms", "+48600100200", "pending"],
    ]);
    expect(rows[0]?.payload).toMatchObject({
      template: { statusId: wf.status.awaiting_payment.id, audience: "customer" },
      variables: { orderNumber: order.number, customerFirstName: "Anna", comment: "Thanks!" },
    });
    expect(rows[0]?.renderedBody).toBeNull();
  });

  it("honours the caller's notify override and the status's admin addresses", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff });
    const result = await transitionOrder(db, {
      orderId: order.id,
      to: { id: wf.status.shipped.id },
      actor: staff,
      notify: { email: false, sms: true },
    });
    expect(result.ok).toBe(true);
    const rows = await db.select().from(outbox).where(eq(outbox.eventId, result.ok ? result.value.event.id : -1));
    expect(rows.map((r) => `${r.kind}:${r.recipient}`).sort()).toEqual([
      "email:ops@example.com",
      "sms:+48600100200",
    ]);
  });

  it("refuses a change the matrix does not list, names the allowed ones, and changes nothing", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const before = await footprint(order.id);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.completed.id }, actor: staff });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "transition_not_allowed", message: "Cannot change from New to Completed" },
    });
    if (result.ok || result.error.code !== "transition_not_allowed") return;
    const allowed = result.error.details?.allowed.map((s) => s.code);
    expect(allowed).toEqual(["awaiting_payment", "picking", "cancelled"].map((c) => `${c}_${wf.suffix}`));
    expect(await footprint(order.id)).toEqual(before);
  });

  it("refuses to enter a payment-gated status unpaid, explains it, and lets it through once paid", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const before = await footprint(order.id);
    const refused = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.invoiced.id }, actor: staff });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "guard_failed", message: "Payment required before Invoiced", details: { reason: "payment_required" } },
    });
    expect(await footprint(order.id)).toEqual(before);

    const partial = await recordPayment(db, { orderId: order.id, amount: 1000, actor: staff });
    expect(partial.ok && partial.value.order.paidAt).toBeNull();
    const stillRefused = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.invoiced.id }, actor: staff });
    expect(stillRefused.ok).toBe(false);

    const rest = await recordPayment(db, { orderId: order.id, amount: order.total - 1000, actor: staff });
    expect(rest.ok && rest.value.order.paidAt).toBeInstanceOf(Date);
    const allowed = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.invoiced.id }, actor: staff });
    expect(allowed.ok).toBe(true);
  });

  it("lets cash-on-delivery orders through a gate that allows it, and only such a gate", async () => {
    const wf = await createRetailWorkflow(db);
    const cod = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    expect((await transitionOrder(db, { orderId: cod.id, to: { id: wf.status.picking.id }, actor: staff })).ok).toBe(true);

    const transfer = await createTestOrder(db, wf.type.code, { paymentMethod: "transfer" });
    const refused = await transitionOrder(db, { orderId: transfer.id, to: { id: wf.status.picking.id }, actor: staff });
    expect(refused).toMatchObject({ ok: false, error: { code: "guard_failed" } });

    const codAtInvoice = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    await transitionOrder(db, { orderId: codAtInvoice.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const gated = await transitionOrder(db, { orderId: codAtInvoice.id, to: { id: wf.status.invoiced.id }, actor: staff });
    expect(gated).toMatchObject({ ok: false, error: { code: "guard_failed" } });
  });

  it("refuses an archived target", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await archiveStatus(db, wf.status.awaiting_payment.id);
    const before = await footprint(order.id);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    expect(result).toMatchObject({ ok: false, error: { code: "guard_failed", details: { reason: "archived" } } });
    expect(await footprint(order.id)).toEqual(before);
  });

  it("refuses a stale version as a conflict and changes nothing", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const before = await footprint(order.id);
    const result = await transitionOrder(db, {
      orderId: order.id,
      to: { id: wf.status.cancelled.id },
      actor: staff,
      expectedVersion: order.version,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "version_conflict", details: { expectedVersion: 1, currentVersion: 2 } },
    });
    expect(await footprint(order.id)).toEqual(before);
  });

  it("answers not_found for a missing order or status, and validation_failed for bad input", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const before = await footprint(order.id);
    expect(await transitionOrder(db, { orderId: 987654321, to: { id: wf.status.shipped.id }, actor: staff })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "Order 987654321 does not exist." },
    });
    expect(await transitionOrder(db, { orderId: order.id, to: { code: "no_such_status" }, actor: staff })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: 'Status with code "no_such_status" does not exist.' },
    });
    const invalid = await transitionOrder(db, {
      orderId: -1,
      to: { id: wf.status.shipped.id },
      actor: { type: "user", label: "" },
      expectedVersion: 0,
    });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe("validation_failed");
      expect(Object.keys(invalid.error.fieldErrors ?? {}).sort()).toEqual(["actor.label", "expectedVersion", "orderId"]);
    }
    expect(await footprint(order.id)).toEqual(before);
  });
});

describe("transitionOrders (bulk)", () => {
  it("reports per order and never lets one refusal undo another's success", async () => {
    const wf = await createRetailWorkflow(db);
    const a = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const b = await createTestOrder(db, wf.type.code, { paymentMethod: "transfer" });
    const c = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const progress: number[] = [];
    const report = await transitionOrders(
      db,
      {
        orders: [{ orderId: a.id }, { orderId: b.id }, { orderId: c.id, expectedVersion: 99 }, { orderId: 987654322 }],
        to: { id: wf.status.picking.id },
        actor: staff,
      },
      (done) => progress.push(done),
    );
    expect(report.map((r) => (r.result.ok ? "changed" : r.result.error.code))).toEqual([
      "changed",
      "guard_failed",
      "version_conflict",
      "not_found",
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);
    const [storedA] = await db.select().from(orders).where(eq(orders.id, a.id));
    const [storedB] = await db.select().from(orders).where(eq(orders.id, b.id));
    expect(storedA?.statusId).toBe(wf.status.picking.id);
    expect(storedB?.statusId).toBe(wf.status.new.id);
  });
});

describe("concurrent changes", () => {
  it("20 changes from the same version leave one winner, 19 conflicts and a chained history", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const targets = [wf.status.awaiting_payment, wf.status.picking, wf.status.cancelled];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transitionOrder(db, {
          orderId: order.id,
          to: { id: targets[i % targets.length]!.id },
          actor: { type: "user", id: String(i), label: `Clerk ${i}` },
          expectedVersion: order.version,
        }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.error.code === "version_conflict");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(19);

    const history = await db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id));
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(history.map((e) => e.type)).toEqual(["created", "status_changed"]);
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.fromStatusId).toBe(history[i - 1]!.toStatusId);
    }
    expect(history.at(-1)?.toStatusId).toBe(stored?.statusId);
    expect(stored?.version).toBe(order.version + 1);
  });

  it("20 changes without a version serialise on the row lock: the history stays one chain", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const order2 = [wf.status.awaiting_payment, wf.status.picking, wf.status.shipped, wf.status.completed];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transitionOrder(db, { orderId: order.id, to: { id: order2[i % order2.length]!.id }, actor: staff }),
      ),
    );
    const history = await db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id));
    expect(history.length).toBe(1 + results.filter((r) => r.ok).length);
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.fromStatusId).toBe(history[i - 1]!.toStatusId);
    }
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored?.version).toBe(history.length);
    expect(history.at(-1)?.toStatusId).toBe(stored?.statusId);
  });
});
