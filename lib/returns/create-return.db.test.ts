import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, orderTypes, settings, statuses } from "@/db/schema";
import { applyAfterSalesPresets } from "@/db/seed";
import { transitionOrder } from "@/lib/orders";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { readReturnForm } from "./form";
import { createReturn, heldItems, type CreateReturnInput } from "./index";

let handle: DbHandle;
let db: Db;
const customer = { type: "system" as const, label: "Customer" };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await applyAfterSalesPresets(db, "pl");
  await getSettings(db);
});
afterAll(async () => handle?.close());

const ITEMS = [
  { sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 },
  { sku: "TEA-2", name: "Tea", quantity: 3, unitPrice: 1200, vatRate: 8 },
];

/** A sale moved to its completed status `daysAgo` days ago (or left in its first status). */
async function sale({ daysAgo = 1, completed = true } = {}) {
  const wf = await createRetailWorkflow(db);
  const order = await createTestOrder(db, wf.type.code, { items: ITEMS });
  if (completed) {
    await db.update(orders).set({ statusId: wf.status.completed.id, statusChangedAt: new Date(Date.now() - daysAgo * DAY) }).where(eq(orders.id, order.id));
  }
  return order;
}

const ask = (parentId: number, extra: Partial<CreateReturnInput> = {}) =>
  createReturn(db, { parent: { id: parentId }, kind: "return", items: [{ sku: "MUG-1", quantity: 1 }], reason: "wrong_size", actor: customer, ...extra });

const statusCode = async (statusId: number) => (await db.select({ code: statuses.code }).from(statuses).where(eq(statuses.id, statusId)))[0]?.code;

describe("createReturn", () => {
  it("creates a return as an order of the return type, linked to its sale, with the sale's customer and prices", async () => {
    const parent = await sale();
    const result = await ask(parent.id, { items: [{ sku: "TEA-2", quantity: 2 }, { sku: "MUG-1", quantity: 1 }], description: "Too big" });
    if (!result.ok) throw new Error(result.error.message);
    const ret = result.value;
    const [type] = await db.select().from(orderTypes).where(eq(orderTypes.id, ret.orderTypeId));
    expect(type).toMatchObject({ code: "return", kind: "return" });
    expect(await statusCode(ret.statusId)).toBe("return_requested");
    expect(ret).toMatchObject({
      parentOrderId: parent.id,
      customerName: parent.customerName,
      customerEmail: parent.customerEmail,
      currency: parent.currency,
      returnRequest: { reason: "wrong_size", description: "Too big" },
      items: [
        { sku: "TEA-2", name: "Tea", quantity: 2, unitPrice: 1200, vatRate: 8 },
        { sku: "MUG-1", name: "Mug", quantity: 1, unitPrice: 2500, vatRate: 23 },
      ],
      total: 2 * 1200 + 2500,
    });
    expect(ret.trackingToken).not.toBe(parent.trackingToken);
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, ret.id)).orderBy(asc(orderEvents.id));
    expect(events.map((e) => [e.type, e.actorLabel])).toEqual([["created", "Customer"]]);
  });

  it("finds the sale by its tracking token", async () => {
    const parent = await sale();
    const result = await createReturn(db, { parent: { trackingToken: parent.trackingToken }, kind: "return", items: [{ sku: "MUG-1", quantity: 1 }], reason: "damaged", actor: customer });
    expect(result.ok && result.value.parentOrderId).toBe(parent.id);
    const unknown = await createReturn(db, { parent: { trackingToken: "no-such-token" }, kind: "return", items: [{ sku: "MUG-1", quantity: 1 }], reason: "damaged", actor: customer });
    expect(!unknown.ok && unknown.error.code).toBe("not_found");
  });

  it("refuses a sale that is not completed, and a return of a return", async () => {
    const open = await ask((await sale({ completed: false })).id);
    expect(!open.ok && open.error).toMatchObject({ code: "validation_failed", details: { reason: "not_completed" } });

    const first = await ask((await sale()).id);
    if (!first.ok) throw new Error(first.error.message);
    const ofReturn = await ask(first.value.id);
    expect(!ofReturn.ok && ofReturn.error.details).toEqual({ reason: "not_a_sale" });
  });

  it("takes returns within the shop's return window only, counted from completion; complaints for two years", async () => {
    expect((await ask((await sale({ daysAgo: 13 })).id)).ok).toBe(true);
    const late = await sale({ daysAgo: 15 });
    const refused = await ask(late.id);
    expect(!refused.ok && refused.error.details).toEqual({ reason: "window_closed" });
    // A complaint is not bound by the return window.
    expect((await ask(late.id, { kind: "complaint", reason: null, description: "The handle broke off" })).ok).toBe(true);

    const before = (await getSettings(db)).returnWindowDays;
    expect(before).toBe(14);
    await db.update(settings).set({ returnWindowDays: 30 });
    try {
      expect((await ask(late.id)).ok).toBe(true);
    } finally {
      await db.update(settings).set({ returnWindowDays: before });
    }
    const veryLate = await ask((await sale({ daysAgo: 800 })).id, { kind: "complaint", reason: null, description: "Broken" });
    expect(!veryLate.ok && veryLate.error.details).toEqual({ reason: "window_closed" });
  });

  it("takes no more of an item than was ordered less what earlier returns hold; a rejected return frees its items", async () => {
    const parent = await sale();
    expect((await ask(parent.id, { items: [{ sku: "MUG-1", quantity: 3 }] })).ok).toBe(false);
    const first = await ask(parent.id);
    if (!first.ok) throw new Error(first.error.message);

    const tooMany = await ask(parent.id, { items: [{ sku: "MUG-1", quantity: 2 }] });
    expect(!tooMany.ok && tooMany.error.fieldErrors).toEqual({ "items.MUG-1": ["tooMany"] });
    // The same SKU twice in one request counts once, summed.
    const split = await ask(parent.id, { items: [{ sku: "MUG-1", quantity: 1 }, { sku: "MUG-1", quantity: 1 }] });
    expect(!split.ok && split.error.fieldErrors).toEqual({ "items.MUG-1": ["tooMany"] });
    const unknown = await ask(parent.id, { items: [{ sku: "NOPE", quantity: 1 }] });
    expect(!unknown.ok && unknown.error.fieldErrors).toEqual({ "items.NOPE": ["unknownItem"] });

    expect((await ask(parent.id)).ok).toBe(true);
    expect((await ask(parent.id)).ok).toBe(false);

    // A complaint's items are counted apart from the returns'.
    expect((await ask(parent.id, { kind: "complaint", reason: null, description: "Chipped", items: [{ sku: "MUG-1", quantity: 2 }] })).ok).toBe(true);

    const rejected = await transitionOrder(db, { orderId: first.value.id, to: { code: "return_rejected" }, actor: customer });
    if (!rejected.ok) throw new Error(rejected.error.message);
    expect((await ask(parent.id)).ok).toBe(true);
  });

  it("asks a return for a reason and a complaint for a description, and both for at least one item", async () => {
    const parent = await sale();
    const noReason = await ask(parent.id, { reason: null });
    expect(!noReason.ok && noReason.error.fieldErrors).toEqual({ reason: ["reason"] });
    const noDescription = await ask(parent.id, { kind: "complaint", reason: null, description: "   " });
    expect(!noDescription.ok && noDescription.error.fieldErrors).toEqual({ description: ["description"] });
    const noItems = await ask(parent.id, { items: [] });
    expect(!noItems.ok && noItems.error.fieldErrors).toEqual({ items: ["noItems"] });
    expect(await db.$count(orders, eq(orders.parentOrderId, parent.id))).toBe(0);
  });

  it("lets only one of two requests at once take the last items", async () => {
    const parent = await sale();
    const both = await Promise.all([ask(parent.id, { items: [{ sku: "MUG-1", quantity: 2 }] }), ask(parent.id, { items: [{ sku: "MUG-1", quantity: 2 }] })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.$count(orders, eq(orders.parentOrderId, parent.id))).toBe(1);
  });
});

describe("the tracking page's form, fuzzed", () => {
  it("answers any form with a result, never a throw, and never hands out more than was ordered", async () => {
    const parent = await sale();
    const text = fc.string({ maxLength: 40 });
    // Mostly well-formed, so the property also reaches the quantity checks and the writes.
    const likely = <T,>(values: fc.Arbitrary<T>, other: fc.Arbitrary<T>) => fc.oneof({ arbitrary: values, weight: 5 }, { arbitrary: other, weight: 1 });
    const quantity = likely(fc.constantFrom("1", "2", "3", "4", "-1", "0", "0.5", "1e9", "NaN", ""), text);
    const form = fc.record({
      kind: likely(fc.constantFrom("return", "complaint"), text),
      reason: likely(fc.constantFrom("damaged", "other", ""), text),
      description: text,
      quantities: fc.array(fc.tuple(likely(fc.constantFrom("MUG-1", "TEA-2"), fc.constantFrom("", "NOPE", "__proto__")), quantity), { maxLength: 4 }),
      noise: fc.array(fc.tuple(fc.string({ maxLength: 12 }), text), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(form, async (f) => {
        const data = new FormData();
        for (const [k, v] of [["kind", f.kind], ["reason", f.reason], ["description", f.description], ...f.quantities.map(([sku, q]) => [`qty:${sku}`, q]), ...f.noise]) data.append(k!, v!);
        const result = await createReturn(db, { ...readReturnForm(data), parent: { trackingToken: parent.trackingToken }, actor: customer });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
    const returned = new Map<string, number>();
    for (const items of await heldItems(db, parent.id, "return")) for (const i of items) returned.set(i.sku, (returned.get(i.sku) ?? 0) + i.quantity);
    expect(returned.get("MUG-1") ?? 0).toBeLessThanOrEqual(2);
    expect(returned.get("TEA-2") ?? 0).toBeLessThanOrEqual(3);
  });
});
