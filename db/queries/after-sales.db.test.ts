import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders } from "@/db/schema";
import { applyAfterSalesPresets } from "@/db/seed";
import { transitionOrder } from "@/lib/orders";
import { createReturn } from "@/lib/returns";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { getAfterSalesForTracking, getLinkedOrders } from "./after-sales";
import { listOrders } from "./order-list";

let handle: DbHandle;
let db: Db;
const customer = { type: "system" as const, label: "Customer" };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await applyAfterSalesPresets(db, "pl");
});
afterAll(async () => handle?.close());

async function completedSale(daysAgo: number) {
  const wf = await createRetailWorkflow(db);
  const order = await createTestOrder(db, wf.type.code, { items: [{ sku: "MUG-1", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 }] });
  await db.update(orders).set({ statusId: wf.status.completed.id, statusChangedAt: new Date(Date.now() - daysAgo * DAY) }).where(eq(orders.id, order.id));
  return order;
}

describe("getAfterSalesForTracking", () => {
  it("offers what is left to return within the window and lists the requests by their customer label, in the page's language", async () => {
    const sale = await completedSale(2);
    const made = await createReturn(db, { parent: { id: sale.id }, kind: "return", items: [{ sku: "MUG-1", quantity: 1 }], reason: "damaged", actor: customer });
    if (!made.ok) throw new Error(made.error.message);
    await transitionOrder(db, { orderId: made.value.id, to: { code: "return_accepted" }, actor: customer });

    const en = await getAfterSalesForTracking({ db, token: sale.trackingToken, locale: "en" });
    expect(en?.return.eligibility.eligible).toBe(true);
    expect(en?.return.lines).toEqual([{ sku: "MUG-1", name: "Mug", ordered: 2, held: 1, left: 1 }]);
    expect(en?.complaint.lines[0]?.left).toBe(2);
    expect(en?.requests).toEqual([
      { number: made.value.number, kind: "return", createdAt: made.value.createdAt, label: "Return accepted – please send the parcel", groupKind: "in_progress", items: [{ name: "Mug", quantity: 1 }] },
    ]);
    // Nothing of the customer's: no name, email, phone or address in what the page gets.
    expect(JSON.stringify(en)).not.toMatch(/Anna|Kowalska|example\.com|600100200/);
    const pl = await getAfterSalesForTracking({ db, token: sale.trackingToken, locale: "pl" });
    expect(pl?.requests[0]?.label).toBe("Zwrot przyjęty – odeślij paczkę");
  });

  it("tells a closed window, and gives nothing for a return's own token or an unknown one", async () => {
    const sale = await completedSale(20);
    const view = await getAfterSalesForTracking({ db, token: sale.trackingToken, locale: "en" });
    expect(view?.return.eligibility).toMatchObject({ eligible: false, reason: "window_closed" });
    expect(view?.complaint.eligibility.eligible).toBe(true);
    const made = await createReturn(db, { parent: { id: sale.id }, kind: "complaint", items: [{ sku: "MUG-1", quantity: 1 }], description: "Broken", actor: customer });
    if (!made.ok) throw new Error(made.error.message);
    expect(await getAfterSalesForTracking({ db, token: made.value.trackingToken, locale: "en" })).toBeUndefined();
    expect(await getAfterSalesForTracking({ db, token: "no-such-token-000", locale: "en" })).toBeUndefined();
  });
});

describe("the links staff see", () => {
  it("give a sale its returns and complaints, and each of them its sale, on the order page and in the list", async () => {
    const sale = await completedSale(1);
    const ret = await createReturn(db, { parent: { id: sale.id }, kind: "return", items: [{ sku: "MUG-1", quantity: 1 }], reason: "wrong_size", actor: customer });
    const complaint = await createReturn(db, { parent: { id: sale.id }, kind: "complaint", items: [{ sku: "MUG-1", quantity: 1 }], description: "Chipped", actor: customer });
    if (!ret.ok || !complaint.ok) throw new Error("not created");

    const ofSale = await getLinkedOrders({ db, order: sale });
    expect(ofSale.parent).toBeUndefined();
    expect(ofSale.children.map((c) => [c.number, c.kind, c.status.code, c.total])).toEqual([
      [ret.value.number, "return", "return_requested", 2500],
      [complaint.value.number, "complaint", "complaint_submitted", 2500],
    ]);
    expect(await getLinkedOrders({ db, order: ret.value })).toEqual({ parent: { number: sale.number }, children: [] });

    const list = await listOrders({ db, search: ret.value.number, locale: "en" });
    expect(list.rows.map((r) => [r.number, r.parentNumber])).toEqual([[ret.value.number, sale.number]]);
  });
});
