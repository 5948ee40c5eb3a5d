import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { orders } from "@/db/schema";
import { createTestOrder } from "@/tests/support/fixtures";
import { orderPageSchema } from "./schemas";
import { call, expectProblem, expectShape, onRetailApiShop, type RetailApiShop } from "./test-support";

let db: Db;
let flow: RetailApiShop["flow"];
let key: string;

onRetailApiShop("Listing test", (shop) => ({ db, flow, key } = shop));

type Page = { data: { number: string }[]; nextCursor: string | null; hasMore: boolean };

async function list(query: string): Promise<Page> {
  const res = await call(db, "GET", `/orders?${query}`, { key });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expectShape(orderPageSchema, res.json);
  return res.json;
}

const numbersOf = (page: Page) => page.data.map((o) => o.number);

/** Every page of a query, following `nextCursor`; checks `hasMore` agrees with it on each page. */
async function allPages(query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: Page = await list(`${query}${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...numbersOf(page));
    expect(page.hasMore).toBe(page.nextCursor !== null);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("more than 50 pages");
}

describe("GET /orders filters", () => {
  let channel: string;
  let o: string[];

  beforeAll(async () => {
    channel = `filters-${flow.suffix}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createTestOrder(db, flow.type.code, { channel }));
    o = made.map((m) => m.number);
    const move = async (number: string, to: string) => expect((await call(db, "POST", `/orders/${number}/transitions`, { key, body: { to } })).status).toBe(200);
    const pay = async (number: string, amount: number) => expect((await call(db, "POST", `/orders/${number}/payments`, { key, body: { amount } })).status).toBe(200);
    // o[0] new, unpaid; o[1] awaiting payment, part paid; o[2] paid, picking; o[3] cancelled, unpaid; o[4] new, all but 1 grosz paid.
    await move(o[1]!, flow.status.awaiting_payment.code);
    await pay(o[1]!, 1_000);
    await pay(o[2]!, 5_000);
    await move(o[2]!, flow.status.picking.code);
    await move(o[3]!, flow.status.cancelled.code);
    await pay(o[4]!, 4_999);
  });

  const only = (query: string) => list(`channel=${channel}&${query}`).then(numbersOf);

  it("takes several statuses, repeated or comma-separated", async () => {
    const { new: fresh, cancelled } = flow.status;
    expect(await only(`status=${fresh.code}`)).toEqual([o[0], o[4]]);
    expect(await only(`status=${fresh.code},${cancelled.code}`)).toEqual([o[0], o[3], o[4]]);
    expect(await only(`status=${fresh.code}&status=${cancelled.code}`)).toEqual([o[0], o[3], o[4]]);
  });

  it("takes status group kinds, and with statuses keeps the orders in both", async () => {
    expect(await only("group=new")).toEqual([o[0], o[1], o[4]]);
    expect(await only("group=in_progress,not_completed")).toEqual([o[2], o[3]]);
    expect(await only(`group=new&status=${flow.status.awaiting_payment.code},${flow.status.cancelled.code}`)).toEqual([o[1]]);
    expect(await only(`group=completed&status=${flow.status.new.code}`)).toEqual([]);
  });

  it("takes a list of numbers", async () => {
    expect(await only(`number=${o[2]},${o[0]}`)).toEqual([o[0], o[2]]);
    expect(await only(`number=${o[1]}&number=${o[3]}&number=NOPE-404`)).toEqual([o[1], o[3]]);
  });

  it("filters by payment state: paid is what the payment gate reads, part payments are partially paid", async () => {
    expect(await only("paymentState=unpaid")).toEqual([o[0], o[3]]);
    expect(await only("paymentState=partially_paid")).toEqual([o[1], o[4]]);
    expect(await only("paymentState=paid")).toEqual([o[2]]);
    expect(await only("paymentState=paid,unpaid")).toEqual([o[0], o[2], o[3]]);
    expect(await only("paymentState=partially_paid&group=new&status=" + flow.status.new.code)).toEqual([o[4]]);
  });
});

describe("GET /orders text search (q)", () => {
  let channel: string;
  let found: string[];

  beforeAll(async () => {
    channel = `search-${flow.suffix}`;
    const customers = [
      { name: "Zofia Wiśniewska", email: "zofia.w@example.com", phone: "+48 601-222-333" },
      { name: "Jan Nowak", email: "JAN.NOWAK@Firma.PL", phone: "512 444 555" },
      { name: "Ewa 50% Rabat", email: "ewa@example.com", phone: "+48700800900" },
    ];
    const skus = ["DESK-OAK-120", "CHAIR_BLACK", "MUG-1"];
    found = [];
    for (let i = 0; i < customers.length; i++) {
      const made = await createTestOrder(db, flow.type.code, {
        channel,
        customer: customers[i]!,
        items: [{ sku: skus[i]!, name: "Item", quantity: 1, unitPrice: 1000, vatRate: 23 }],
      });
      found.push(made.number);
      // Zofia's and Jan's orders are paid in full: one matches "example.com", the other does not.
      if (i < 2) expect((await call(db, "POST", `/orders/${made.number}/payments`, { key, body: { amount: made.total } })).status).toBe(200);
    }
  });

  const search = (q: string, more = "") => list(`channel=${channel}&q=${encodeURIComponent(q)}${more}`).then(numbersOf);

  it("finds orders by a part of the customer's name or email, in any case, or of an item's SKU", async () => {
    expect(await search("wiśniew")).toEqual([found[0]]);
    expect(await search("jan.nowak@firma")).toEqual([found[1]]);
    expect(await search("example.com")).toEqual([found[0], found[2]]);
    expect(await search("desk-oak")).toEqual([found[0]]);
    expect(await search("  chair_black  ")).toEqual([found[1]]);
  });

  it("finds an order by its number, and by the customer's phone however either side wrote it", async () => {
    expect(await search(found[2]!.toLowerCase())).toEqual([found[2]]);
    expect(await search("601222333")).toEqual([found[0]]);
    expect(await search("+48 512-444-555")).toEqual([found[1]]);
  });

  it("takes % and _ literally, not as wildcards", async () => {
    expect(await search("50%")).toEqual([found[2]]);
    expect(await search("%")).toEqual([found[2]]);
    // CHAIR_BLACK holds an underscore; as a wildcard `_` would match every order.
    expect(await search("_")).toEqual([found[1]]);
  });

  it("combines with the other filters and pages like any list", async () => {
    expect(await search("example.com", `&number=${found[2]}`)).toEqual([found[2]]);
    expect(await search("example.com", "&paymentState=paid")).toEqual([found[0]]);
    expect(await search("example.com", "&paymentState=unpaid")).toEqual([found[2]]);
    expect(await allPages(`channel=${channel}&q=example.com&sort=-created&limit=1`)).toEqual([found[2], found[0]]);
  });

  it("refuses an empty or overlong text, naming q", async () => {
    for (const q of ["", "   ", "x".repeat(101)]) {
      const problem = expectProblem(await call(db, "GET", `/orders?q=${encodeURIComponent(q)}`, { key }), 422, "validation_failed");
      expect(Object.keys(problem.errors)).toEqual(["q"]);
    }
    expect((await call(db, "GET", `/orders?q=${"x".repeat(100)}`, { key })).status).toBe(200);
  });
});

describe("GET /orders sorting and paging", () => {
  let channel: string;
  /** Each order's number, id and sort times as Postgres keeps them (microseconds). */
  let rows: { number: string; id: number; created: string; updated: string }[];

  beforeAll(async () => {
    channel = `sorted-${flow.suffix}`;
    // Many orders share a timestamp, some differ below a millisecond: where keyset paging on a
    // millisecond Date would repeat or skip orders.
    const created = ["00.000100", "00.000100", "00.000100", "00.000101", "00.000101", "00.000900", "00.000000", "01.000000", "00.000100"];
    const updated = ["05.000000", "05.000000", "04.000001", "04.000001", "04.000001", "05.000000", "06.000000", "04.000001", "05.000000"];
    rows = [];
    for (let i = 0; i < created.length; i++) {
      const made = await createTestOrder(db, flow.type.code, { channel });
      const at = (s: string) => `2026-01-01T00:00:${s}Z`;
      await db
        .update(orders)
        .set({ createdAt: sql`${at(created[i]!)}::timestamptz`, updatedAt: sql`${at(updated[i]!)}::timestamptz` })
        .where(eq(orders.id, made.id));
      rows.push({ number: made.number, id: made.id, created: created[i]!, updated: updated[i]! });
    }
  });

  const expected = (field: "created" | "updated", descending: boolean) =>
    [...rows]
      .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id - b.id) * (descending ? -1 : 1))
      .map((r) => r.number);

  it.each([
    ["created", "created", false],
    ["-created", "created", true],
    ["updated", "updated", false],
    ["-updated", "updated", true],
  ] as const)("sort=%s pages to the end two at a time, each order once, in order", async (sort, field, descending) => {
    const want = expected(field, descending);
    expect(await allPages(`channel=${channel}&sort=${sort}&limit=2`)).toEqual(want);
    // One page holding everything: nothing more to fetch.
    const whole = await list(`channel=${channel}&sort=${sort}&limit=${rows.length}`);
    expect(numbersOf(whole)).toEqual(want);
    expect(whole).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it("sorts by creation, oldest first, unless told otherwise", async () => {
    expect(numbersOf(await list(`channel=${channel}&limit=100`))).toEqual(expected("created", false));
  });

  it("says hasMore with a cursor while orders remain, and pages with filters too", async () => {
    const first = await list(`channel=${channel}&sort=-updated&limit=${rows.length - 1}`);
    expect(first.hasMore).toBe(true);
    const rest = await list(`channel=${channel}&sort=-updated&limit=${rows.length - 1}&cursor=${first.nextCursor}`);
    expect(rest).toMatchObject({ hasMore: false, nextCursor: null });
    expect([...numbersOf(first), ...numbersOf(rest)]).toEqual(expected("updated", true));
    const picked = [rows[0]!, rows[2]!, rows[5]!].map((r) => r.number);
    expect(await allPages(`channel=${channel}&number=${picked.join(",")}&sort=-created&limit=1`)).toEqual(
      expected("created", true).filter((n) => picked.includes(n)),
    );
  });
});

describe("GET /orders refusals", () => {
  it("refuses a cursor from another sort, naming the cursor", async () => {
    const first = await list("sort=created&limit=1");
    expect(first.nextCursor).not.toBeNull();
    for (const sort of ["-created", "updated"]) {
      const problem = expectProblem(await call(db, "GET", `/orders?sort=${sort}&cursor=${first.nextCursor}`, { key }), 422, "validation_failed");
      expect(Object.keys(problem.errors)).toEqual(["cursor"]);
    }
    // The default sort is `created`: the cursor works without naming it.
    expect((await call(db, "GET", `/orders?limit=1&cursor=${first.nextCursor}`, { key })).status).toBe(200);
  });

  it("refuses unknown values field by field, and lists longer than 100", async () => {
    const sort = expectProblem(await call(db, "GET", "/orders?sort=price", { key }), 422, "validation_failed");
    expect(Object.keys(sort.errors)).toEqual(["sort"]);
    const resolved = expectProblem(await call(db, "GET", `/orders?status=nope,${flow.status.new.code}&group=new,bogus&paymentState=maybe`, { key }), 422, "validation_failed");
    expect(Object.keys(resolved.errors).sort()).toEqual(["group", "paymentState", "status"]);
    expect(resolved.errors.status).toEqual(['No status has the code "nope"']);

    const many = Array.from({ length: 101 }, (_, i) => `ORD-${i}`);
    const commas = expectProblem(await call(db, "GET", `/orders?number=${many.join(",")}`, { key }), 422, "validation_failed");
    expect(Object.keys(commas.errors)).toEqual(["number"]);
    const repeated = expectProblem(await call(db, "GET", `/orders?${many.map((n) => `number=${n}`).join("&")}`, { key }), 422, "validation_failed");
    expect(Object.keys(repeated.errors)).toEqual(["number"]);
    expect((await call(db, "GET", `/orders?number=${many.slice(1).join(",")}`, { key })).status).toBe(200);
  });
});
