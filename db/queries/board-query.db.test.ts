import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders } from "@/db/schema";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { loadBoardData, type BoardColumnRequest } from "./board-query";

let handle: DbHandle;
let db: Db;
const actor = { type: "system" as const, label: "Test" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

/** A retail process with five orders in New (aged just under 1..5 h), one cod order in Picking, one paid. */
async function boardFixture() {
  const wf = await createRetailWorkflow(db);
  const created = [];
  for (let i = 1; i <= 5; i++) {
    const order = await createTestOrder(db, wf.type.code, { customer: { name: `Customer ${i}`, email: `c${i}@example.com` } });
    await db.update(orders).set({ statusChangedAt: new Date(Date.now() - i * 3_600_000 + 60_000) }).where(eq(orders.id, order.id));
    created.push(order);
  }
  const cod = await createTestOrder(db, wf.type.code, { paymentMethod: "cod", channel: "allegro" });
  await transitionOrder(db, { orderId: cod.id, to: { id: wf.status.picking.id }, actor });
  await recordPayment(db, { orderId: created[0]!.id, amount: created[0]!.total, actor });
  const columns = (limit: number, slaHours: number | null = null): BoardColumnRequest[] =>
    [wf.status.new, wf.status.picking, wf.status.shipped].map((s) => ({ statusId: s.id, slaHours, limit }));
  return { wf, created, cod, columns };
}

describe("loadBoardData", () => {
  it("gives each column its oldest cards up to its own limit, and full counts", async () => {
    const { wf, created, cod, columns } = await boardFixture();
    const cols = columns(3);
    cols[1] = { ...cols[1]!, limit: 1 };
    const { cards, counts } = await loadBoardData({ db, orderTypeId: wf.type.id, columns: cols, filters: {} });
    // Oldest change first: the order waiting 5 h leads.
    expect(cards.get(wf.status.new.id)?.map((c) => c.number)).toEqual([created[4]!.number, created[3]!.number, created[2]!.number]);
    expect(cards.get(wf.status.picking.id)?.map((c) => c.number)).toEqual([cod.number]);
    expect(cards.get(wf.status.shipped.id)).toEqual([]);
    expect(counts.get(wf.status.new.id)).toBe(5);
    expect(counts.get(wf.status.picking.id)).toBe(1);
    expect(counts.get(wf.status.shipped.id)).toBe(0);
    const card = cards.get(wf.status.picking.id)![0]!;
    expect(card).toMatchObject({ paymentMethod: "cod", channel: "allegro", version: 2, paidAt: null });
    expect(card.statusChangedAt).toBeInstanceOf(Date);
  });

  it("lists a finished column's newest orders first, the others' oldest first, in one load", async () => {
    const { wf, created, cod, columns } = await boardFixture();
    const cols = columns(3).map((c) => (c.statusId === wf.status.new.id ? { ...c, newestFirst: true } : c));
    const { cards, counts } = await loadBoardData({ db, orderTypeId: wf.type.id, columns: cols, filters: {} });
    expect(cards.get(wf.status.new.id)?.map((c) => c.number)).toEqual([created[0]!.number, created[1]!.number, created[2]!.number]);
    expect(cards.get(wf.status.picking.id)?.map((c) => c.number)).toEqual([cod.number]);
    expect(counts.get(wf.status.new.id)).toBe(5);
  });

  it("applies the filters to cards and counts alike", async () => {
    const { wf, created, columns } = await boardFixture();
    const load = (filters: Parameters<typeof loadBoardData>[0]["filters"], slaHours: number | null = null) =>
      loadBoardData({ db, orderTypeId: wf.type.id, columns: columns(50, slaHours), filters });

    const paid = await load({ paid: "paid" });
    expect(paid.cards.get(wf.status.new.id)?.map((c) => c.number)).toEqual([created[0]!.number]);
    expect(paid.counts.get(wf.status.new.id)).toBe(1);

    const unpaid = await load({ paid: "unpaid" });
    expect(unpaid.counts.get(wf.status.new.id)).toBe(4);
    expect(unpaid.counts.get(wf.status.picking.id)).toBe(1);

    // An SLA of 3 h: the orders waiting 4 and 5 h are overdue.
    const overdue = await load({ overdue: true }, 3);
    expect(overdue.cards.get(wf.status.new.id)?.map((c) => c.number)).toEqual([created[4]!.number, created[3]!.number]);
    expect(overdue.counts.get(wf.status.new.id)).toBe(2);
    expect((await load({ overdue: true }, null)).counts.get(wf.status.new.id)).toBe(0);

    expect((await load({ q: "customer 3" })).cards.get(wf.status.new.id)?.map((c) => c.number)).toEqual([created[2]!.number]);
    expect((await load({ q: "C2@EXAMPLE" })).counts.get(wf.status.new.id)).toBe(1);
    expect((await load({ q: "100%_" })).counts.get(wf.status.new.id)).toBe(0);
    expect((await load({ channel: "allegro", paymentMethod: "cod" })).counts.get(wf.status.picking.id)).toBe(1);
    expect((await load({ courier: "dpd" })).counts.get(wf.status.picking.id)).toBe(0);
  });

  it("returns empty maps for a type without columns", async () => {
    const { wf } = await boardFixture();
    const data = await loadBoardData({ db, orderTypeId: wf.type.id, columns: [], filters: {} });
    expect(data.cards.size + data.counts.size).toBe(0);
  });
});
