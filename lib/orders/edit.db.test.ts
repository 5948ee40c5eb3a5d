import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox, statuses } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { createWebhookEndpoint } from "@/lib/integrations/webhooks/endpoints";
import type { WebhookPayload } from "@/lib/integrations/webhooks/payload";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { editOrder, recordPayment, transitionOrder } from "./index";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

/** A retail process whose first status allows editing, and an order in it. */
async function editableOrder(overrides: Parameters<typeof createTestOrder>[2] = {}) {
  const wf = await createRetailWorkflow(db);
  await db.update(statuses).set({ allowsEditing: true }).where(eq(statuses.id, wf.status.new.id));
  const order = await createTestOrder(db, wf.type.code, overrides);
  return { wf, order };
}

const historyOf = (orderId: number) => db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
const stored = async (orderId: number) => (await db.select().from(orders).where(eq(orders.id, orderId)))[0]!;

describe("editOrder", () => {
  it("changes customer, address and items, recomputes the total and records each changed field before and after", async () => {
    const { order } = await editableOrder();
    const result = await editOrder(db, {
      orderId: order.id,
      expectedVersion: order.version,
      actor: staff,
      customer: { name: "Anna Nowak", phone: null },
      shippingAddress: { name: "Anna Nowak", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "pl" },
      items: [
        { sku: "MUG-1", name: "Mug", quantity: 3, unitPrice: 2500, vatRate: 23 },
        { sku: "TEA-2", name: "Tea", quantity: 1, unitPrice: 1200 },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const after = await stored(order.id);
    expect(after).toMatchObject({
      customerName: "Anna Nowak",
      customerEmail: "anna@example.com",
      customerPhone: null,
      shippingAddress: { name: "Anna Nowak", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "PL" },
      total: 3 * 2500 + 1200,
      version: order.version + 1,
    });
    expect(after.items).toHaveLength(2);
    expect(result.value.order.version).toBe(order.version + 1);

    const edits = (await historyOf(order.id)).filter((e) => e.type === "order_edited");
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ actorLabel: "Stan Staff", actorType: "user", customerVisible: false });
    const changes = (edits[0]!.data as { changes: Record<string, { before: unknown; after: unknown }> }).changes;
    // Only what changed: the email was left out, so it stays and is not listed.
    expect(Object.keys(changes).sort()).toEqual(["customer.name", "customer.phone", "items", "shippingAddress", "total"]);
    expect(changes["customer.name"]).toEqual({ before: "Anna Kowalska", after: "Anna Nowak" });
    expect(changes["customer.phone"]).toEqual({ before: "+48600100200", after: null });
    expect(changes.shippingAddress).toEqual({ before: null, after: after.shippingAddress });
    expect(changes.total).toEqual({ before: 5000, after: 8700 });
    expect(changes.items?.after).toEqual([
      { sku: "MUG-1", name: "Mug", quantity: 3, unitPrice: 2500, vatRate: 23 },
      { sku: "TEA-2", name: "Tea", quantity: 1, unitPrice: 1200, vatRate: 23 },
    ]);
  });

  it("takes an explicit total over the items' sum, and a total alone", async () => {
    const { order } = await editableOrder();
    await editOrder(db, { orderId: order.id, actor: staff, items: [{ sku: "A", name: "A", quantity: 1, unitPrice: 1000 }], total: 900 });
    expect((await stored(order.id)).total).toBe(900);
    await editOrder(db, { orderId: order.id, actor: staff, total: 800 });
    expect((await stored(order.id)).total).toBe(800);
  });

  it("decides anew whether the order is paid when its total changes", async () => {
    const { order } = await editableOrder();
    await recordPayment(db, { orderId: order.id, amount: 5000, actor: staff });
    expect((await stored(order.id)).paidAt).not.toBeNull();
    const more = await editOrder(db, { orderId: order.id, actor: staff, items: [{ sku: "MUG-1", name: "Mug", quantity: 3, unitPrice: 2500 }] });
    if (!more.ok) throw new Error(more.error.message);
    expect(more.value.order.paidAt).toBeNull();
    expect((more.value.event?.data as { changes: Record<string, unknown> }).changes.paid).toEqual({ before: true, after: false });
    const less = await editOrder(db, { orderId: order.id, actor: staff, total: 4000 });
    if (!less.ok) throw new Error(less.error.message);
    expect(less.value.order.paidAt).not.toBeNull();
  });

  it("writes nothing for an edit that changes nothing, whatever the status", async () => {
    const { wf, order } = await editableOrder();
    const before = await historyOf(order.id);
    const same = await editOrder(db, {
      orderId: order.id,
      actor: staff,
      customer: { name: "Anna Kowalska", email: "ANNA@example.com" },
      items: [{ sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 }],
    });
    expect(same.ok && same.value.event).toBeNull();
    expect(same.ok && same.value.order.version).toBe(order.version);
    await db.update(statuses).set({ allowsEditing: false }).where(eq(statuses.id, wf.status.new.id));
    const stillSame = await editOrder(db, { orderId: order.id, actor: staff, total: 5000 });
    expect(stillSame.ok && stillSame.value.event).toBeNull();
    expect(await historyOf(order.id)).toHaveLength(before.length);
    expect((await stored(order.id)).version).toBe(order.version);
  });

  it("is refused in a status that does not allow editing, changing nothing", async () => {
    const { wf, order } = await editableOrder({ paymentMethod: "cod" });
    const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff });
    if (!moved.ok) throw new Error(moved.error.message);
    const refused = await editOrder(db, { orderId: order.id, actor: staff, customer: { name: "Someone Else" } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "editing_not_allowed", details: { orderStatus: { code: wf.status.picking.code, name: "Picking" } } },
    });
    const after = await stored(order.id);
    expect(after).toMatchObject({ customerName: "Anna Kowalska", version: moved.value.order.version });
    expect((await historyOf(order.id)).map((e) => e.type)).toEqual(["created", "status_changed"]);

    // The flag is the status's: switched on, the same edit goes through.
    await db.update(statuses).set({ allowsEditing: true }).where(eq(statuses.id, wf.status.picking.id));
    expect((await editOrder(db, { orderId: order.id, actor: staff, customer: { name: "Someone Else" } })).ok).toBe(true);
  });

  it("refuses a stale version, an unknown order, an empty edit and unknown nested fields", async () => {
    const { order } = await editableOrder();
    expect((await editOrder(db, { orderId: order.id, actor: staff, total: 1 })).ok).toBe(true);
    expect(await editOrder(db, { orderId: order.id, actor: staff, total: 2, expectedVersion: order.version })).toMatchObject({
      ok: false,
      error: { code: "version_conflict", details: { expectedVersion: order.version, currentVersion: order.version + 1 } },
    });
    expect(await editOrder(db, { orderId: 987654321, actor: staff, total: 2 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await editOrder(db, { orderId: order.id, actor: staff })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    const nested = await editOrder(db, {
      orderId: order.id,
      actor: staff,
      customer: { name: "X", nickname: "x" } as never,
      items: [{ sku: "A", name: "A", quantity: 0, unitPrice: 1, colour: "red" } as never],
    });
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(Object.keys(nested.error.fieldErrors ?? {}).sort()).toEqual(["customer", "items.0", "items.0.quantity"]);
    expect((await stored(order.id)).total).toBe(1);
  });

  it("queues the order.updated webhook naming the changed fields, without the customer's values", async () => {
    const { order } = await editableOrder();
    const created = await createWebhookEndpoint(db, { url: "https://erp.example.com/hooks/edits", eventTypes: ["order.updated"] }, SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    const result = await editOrder(db, { orderId: order.id, actor: staff, customer: { email: "new.address@example.com" }, total: 4200 });
    if (!result.ok) throw new Error(result.error.message);
    const rows = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, order.id), eq(outbox.kind, "webhook"), eq(outbox.webhookEndpointId, created.value.id)));
    expect(rows).toHaveLength(1);
    const payload = rows[0]!.payload as unknown as WebhookPayload;
    expect(payload).toMatchObject({
      type: "order.updated",
      data: {
        eventId: result.value.event!.id,
        order: { number: order.number, version: order.version + 1, total: 4200 },
        details: { changed: ["customer.email", "total"] },
      },
    });
    expect(JSON.stringify(payload)).not.toContain("new.address@example.com");
    expect(JSON.stringify(payload)).not.toContain("anna@example.com");
  });

  it("an edit and a status change racing on one order serialise on the row lock: one chain of versions", async () => {
    for (let round = 0; round < 3; round++) {
      const { wf, order } = await editableOrder({ paymentMethod: "cod" });
      const [edit, move] = await Promise.all([
        editOrder(db, { orderId: order.id, actor: staff, customer: { name: `Racer ${round}` } }),
        transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff }),
      ]);
      expect(move.ok).toBe(true);
      // Either the edit came first, or it met the order in Picking and was refused.
      if (!edit.ok) expect(edit.error.code).toBe("editing_not_allowed");
      const history = await historyOf(order.id);
      const after = await stored(order.id);
      expect(history.map((e) => e.type).sort()).toEqual(edit.ok ? ["created", "order_edited", "status_changed"] : ["created", "status_changed"]);
      expect(after.version).toBe(history.length);
      expect(after.statusId).toBe(wf.status.picking.id);
      expect(after.customerName).toBe(edit.ok ? `Racer ${round}` : "Anna Kowalska");
    }
  });

  it("of two edits from the same version, one wins and the other is a version conflict", async () => {
    const { order } = await editableOrder();
    const results = await Promise.all(
      [1000, 2000, 3000].map((total) => editOrder(db, { orderId: order.id, actor: staff, total, expectedVersion: order.version })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "version_conflict")).toHaveLength(2);
    expect((await stored(order.id)).version).toBe(order.version + 1);
  });
});
