import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { orders, statuses } from "@/db/schema";
import { inOwnTransaction } from "@/db/transaction";
import { editOrder, recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { loadBoardData } from "./board-query";
import { listOrders } from "./order-list";
import { orderSearchCondition } from "./order-search";

let handle: DbHandle;
let db: Db;
let board: (text: string) => Promise<string[]>;
/** The retail process the board shows; orders of another process are not on it. */
let retail: Awaited<ReturnType<typeof createRetailWorkflow>>;

const item = (sku: string) => ({ sku, name: "Item", quantity: 1, unitPrice: 1000, vatRate: 23 });

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  const wf = (retail = await createRetailWorkflow(db));
  const order = (number: string, customer: { name: string; email?: string; phone?: string }, skus: string[]) =>
    createTestOrder(db, wf.type.code, { number, customer, items: skus.map(item) });
  await order("SRCH-A1", { name: "Zofia Wyszukiwalska", email: "zofia@sklep.example", phone: "+48 601 202 303" }, ["KUB-350-BIA", "TAL-20"]);
  await order("SRCH-B2", { name: "Jan 50% Rabat_Owy", email: "jan_b@example.com", phone: "601-202-304" }, ["PLE-40"]);
  const legacy = await order("SRCH-C3", { name: "Ewa Nowak", email: "ewa@example.com" }, ["X%Y-1"]);
  await order("SRCH-D4", { name: "Back\\slash" }, ["ZZZ-9"]);
  await order("SRCH-E5", { name: "Łucja Żółtowska" }, ["ZZZ-8"]);
  // Saved before phones were normalised: stored as it was typed.
  await db.update(orders).set({ customerPhone: "+48 777 888 999" }).where(eq(orders.id, legacy.id));
  await db.update(orders).set({ trackingNumber: "JJD000111222333" }).where(eq(orders.number, "SRCH-A1"));
  const columns = Object.values(wf.status).map((s) => ({ statusId: s.id, slaHours: null, limit: 50 }));
  board = async (text) => {
    const { cards } = await loadBoardData({ db, orderTypeId: wf.type.id, columns, filters: { q: text } });
    return [...cards.values()].flat().map((c) => c.number);
  };
});
afterAll(async () => handle?.close());

/** The orders the list finds for `text`, after checking the board finds the very same. */
async function found(text: string): Promise<string[]> {
  const list = (await listOrders({ db, locale: "en", search: text })).rows.map((r) => r.number).sort();
  expect((await board(text)).sort(), `the board and the list for ${JSON.stringify(text)}`).toEqual(list);
  return list;
}

describe("the order search, on the list and the board alike", () => {
  it("finds an order by a part of its number, in any case", async () => {
    expect(await found("srch-a")).toEqual(["SRCH-A1"]);
    expect(await found("SRCH-")).toEqual(["SRCH-A1", "SRCH-B2", "SRCH-C3", "SRCH-D4", "SRCH-E5"]);
  });

  it("finds the customer by name and by email", async () => {
    expect(await found("wyszukiwalska")).toEqual(["SRCH-A1"]);
    expect(await found("SKLEP.EXAMPLE")).toEqual(["SRCH-A1"]);
    expect(await found("ŻÓŁTOWSKA")).toEqual(["SRCH-E5"]);
  });

  it("finds the tracking number", async () => {
    expect(await found("jjd000111")).toEqual(["SRCH-A1"]);
  });

  it("finds any item's SKU, in any case", async () => {
    expect(await found("kub-350")).toEqual(["SRCH-A1"]);
    expect(await found("TAL-20")).toEqual(["SRCH-A1"]);
    expect(await found("PLE-40")).toEqual(["SRCH-B2"]);
  });

  it("finds a phone however it is typed, with or without +48, and however it was stored", async () => {
    for (const typed of ["601 202 303", "601-202-303", "(601) 202 303", "+48 601 202 303", "+48601202303", "0048 601 202 303", "48601202303"]) {
      expect(await found(typed), typed).toEqual(["SRCH-A1"]);
    }
    // Stored without +48: typed with it, or without.
    expect(await found("+48 601 202 304")).toEqual(["SRCH-B2"]);
    expect(await found("601202304")).toEqual(["SRCH-B2"]);
    // Stored with spaces, as typed before phones were normalised.
    expect(await found("777888999")).toEqual(["SRCH-C3"]);
    expect(await found("+48 777-888-999")).toEqual(["SRCH-C3"]);
    expect(await found("601 202 30")).toEqual(["SRCH-A1", "SRCH-B2"]);
  });

  it("takes LIKE's wildcards and its escape character typed as themselves", async () => {
    expect(await found("50%")).toEqual(["SRCH-B2"]);
    expect(await found("%")).toEqual(["SRCH-B2", "SRCH-C3"]);
    expect(await found("_")).toEqual(["SRCH-B2"]);
    expect(await found("X%Y")).toEqual(["SRCH-C3"]);
    expect(await found("k\\s")).toEqual(["SRCH-D4"]);
    expect(await found("\\")).toEqual(["SRCH-D4"]);
  });

  it("finds nothing for text no order has", async () => {
    expect(await found("nikt-taki")).toEqual([]);
    expect(await found("999 000 111")).toEqual([]);
  });
});

/** The plan of the search alone, with reading the whole table made a last resort. */
async function searchPlan(text: string): Promise<string> {
  const query = db.select({ id: orders.id }).from(orders).where(orderSearchCondition(text));
  return inOwnTransaction(db, async (tx: Tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain (costs off) ${query}`));
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("the search index", () => {
  it("answers every alternative of the search, phone and SKUs included, so no search reads the table", async () => {
    const byPhone = await searchPlan("+48 601 202 303");
    expect(byPhone).not.toMatch(/Seq Scan/);
    // Number, name, email, tracking number, SKUs and phone digits: six lookups in the one index.
    expect(byPhone.match(/Bitmap Index Scan on order_search_idx/g)).toHaveLength(6);
    expect(byPhone).toMatch(/item_skus/);
    expect(byPhone).toMatch(/phone_digits/);
    const byName = await searchPlan("Wyszukiwalska");
    expect(byName.match(/Bitmap Index Scan on order_search_idx/g)).toHaveLength(5);
  });
});

describe("order_search, kept beside the orders", () => {
  const staff = { type: "user" as const, id: "7", label: "Stan Staff" };
  /** The transaction that last wrote the row (`xmin`): the same before and after means not written. */
  const lastWrite = async (table: "orders" | "order_search", column: "id" | "order_id", id: number) => {
    const rows = rowsOf<{ xmin: string }>(await db.execute(sql`select xmin::text as xmin from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`));
    return rows[0]?.xmin;
  };

  it("is not written by status changes or payments, only by changes of what is searched", async () => {
    const wf = retail;
    const order = await createTestOrder(db, wf.type.code, { number: "KEEP-1", customer: { name: "Stała Wyszukiwarka" } });
    const searched = await lastWrite("order_search", "order_id", order.id);
    expect(searched).toBeDefined();
    const orderWrite = await lastWrite("orders", "id", order.id);
    const paid = await recordPayment(db, { orderId: order.id, amount: order.total, actor: staff });
    if (!paid.ok) throw new Error(paid.error.message);
    for (const to of [wf.status.picking, wf.status.shipped]) {
      const moved = await transitionOrder(db, { orderId: order.id, to: { id: to.id }, actor: staff });
      if (!moved.ok) throw new Error(moved.error.message);
    }
    // The order itself was written, its search row was not.
    expect(await lastWrite("orders", "id", order.id)).not.toBe(orderWrite);
    expect(await lastWrite("order_search", "order_id", order.id)).toBe(searched);
    expect(await found("stała wyszuk")).toEqual(["KEEP-1"]);
  });

  it("finds a tracking number and a customer right after they are changed, and no longer the old ones", async () => {
    const wf = retail;
    await db.update(statuses).set({ allowsEditing: true }).where(eq(statuses.id, wf.status.new.id));
    const order = await createTestOrder(db, wf.type.code, {
      number: "KEEP-2",
      customer: { name: "Stary Klient", phone: "+48500600700" },
      items: [item("OLD-SKU-1")],
    });
    const tracked = await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "TRK-NEW-4455", actor: staff });
    if (!tracked.ok) throw new Error(tracked.error.message);
    expect(await found("trk-new-44")).toEqual(["KEEP-2"]);
    // One field at a time: each is enough for the order's search row to be written again.
    const edits = [
      { customer: { name: "Nowa Klientka", email: "nowa@klient.example" } },
      { customer: { phone: "+48511622733" } },
      { items: [item("NEW-SKU-2")] },
    ];
    for (const edit of edits) {
      const edited = await editOrder(db, { orderId: order.id, actor: staff, ...edit });
      if (!edited.ok) throw new Error(edited.error.message);
    }
    expect(await found("nowa klientka")).toEqual(["KEEP-2"]);
    expect(await found("nowa@klient")).toEqual(["KEEP-2"]);
    expect(await found("511 622 733")).toEqual(["KEEP-2"]);
    expect(await found("new-sku-2")).toEqual(["KEEP-2"]);
    expect(await found("stary klient")).toEqual([]);
    expect(await found("500 600 700")).toEqual([]);
    expect(await found("old-sku-1")).toEqual([]);
  });
});
