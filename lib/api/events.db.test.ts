import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { rowsOf } from "@/db/rows";
import { orderEvents, settings } from "@/db/schema";
import { addOrderNote } from "@/lib/orders/notes";
import { undoStatusChange } from "@/lib/orders/undo";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { env } from "@/lib/env";
import { eventPageStatement, FEED_SETTLE_MS, readEventPage } from "./event-pages";
import { eventPageSchema } from "./schemas";
import { call, expectProblem, expectShape, keyFor } from "./test-support";

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
let readKey: string;
const stan = { type: "user" as const, id: "7", label: "Stan" };
const erp = { type: "api" as const, id: "1", label: "ERP" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
  readKey = await keyFor(db, "read", "ERP sync");
  await getSettings(db);
  await db.update(settings).set({ messageHoldSeconds: 30 }); // so a person's change can be undone
});
afterAll(async () => handle?.close());

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Moves every event past the feed's safety margin, as if the changes were made a minute ago. */
async function settleAll() {
  await db.update(orderEvents).set({ createdAt: sql`${orderEvents.createdAt} - make_interval(secs => ${FEED_SETTLE_MS / 1000 + 60})` });
}

type Item = { id: number; order: string; type: string; from: string | null; to: string | null; undoes: number | null; sequence: number | null; data: Record<string, unknown>; comment: string | null };
type Page = { data: Item[]; nextCursor: string | null; hasMore: boolean };

async function feed(query: string, key = readKey): Promise<Page> {
  const res = await call(db, "GET", `/events${query}`, { key });
  expect(res.status).toBe(200);
  expectShape(eventPageSchema, res.json);
  return res.json as Page;
}

/** Follows the cursor to the end, the way an ERP syncs. */
async function readAll(path: (after: string | null) => string): Promise<{ items: Item[]; pages: Page[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res = await call(db, "GET", path(after), { key: readKey });
    expect(res.status).toBe(200);
    expectShape(eventPageSchema, res.json);
    const page = res.json as Page;
    pages.push(page);
    after = page.nextCursor;
    if (!page.hasMore) return { items: pages.flatMap((p) => p.data), pages };
  }
  throw new Error("the cursor never reached the end");
}

describe("GET /events", () => {
  it("lists every order's events oldest first across pages, with no duplicates or gaps, notes and undo told apart", async () => {
    const a = await createTestOrder(db, flow.type.code);
    const b = await createTestOrder(db, flow.type.code, { paymentMethod: "cod" });
    const c = await createTestOrder(db, flow.type.code);
    must(await transitionOrder(db, { orderId: a.id, to: { id: flow.status.awaiting_payment.id }, actor: erp }));
    must(await recordPayment(db, { orderId: b.id, amount: 1000, actor: erp, reference: "TX-1" }));
    const note = must(await addOrderNote(db, { orderId: c.id, text: "Gift wrap", actor: stan }));
    must(await setTracking(db, { orderId: a.id, courier: "dpd", trackingNumber: "DPD-1", actor: erp }));
    const moved = must(await transitionOrder(db, { orderId: b.id, to: { id: flow.status.picking.id }, actor: stan, comment: "Paid at the till" }));
    const undo = must(await undoStatusChange(db, { eventId: moved.event.id, actor: stan, mayUndoOthers: false }));
    await settleAll();

    const all = await db.select().from(orderEvents).orderBy(asc(orderEvents.id));
    expect(all.length).toBe(9);
    const { items, pages } = await readAll((after) => `/events?limit=2${after ? `&after=${after}` : ""}`);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, true, true, false]);
    // Every event once, in id order: nothing repeated across pages, nothing left out.
    expect(items.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(pages.at(-1)!.nextCursor).toBe(String(all.at(-1)!.id));

    const byId = new Map(items.map((e) => [e.id, e]));
    expect(byId.get(note.event.id)).toMatchObject({ order: c.number, type: "comment", comment: "Gift wrap", data: { note: true }, undoes: null });
    expect(byId.get(undo.event.id)).toMatchObject({
      order: b.number,
      type: "status_changed",
      from: flow.status.picking.code,
      to: flow.status.new.code,
      undoes: moved.event.id,
    });
    expect(byId.get(moved.event.id)).toMatchObject({ comment: "Paid at the till", undoes: null });
    expect(items.filter((e) => e.type === "payment_recorded")).toEqual([expect.objectContaining({ order: b.number, data: expect.objectContaining({ amount: 1000, reference: "TX-1" }) })]);
    expect(items.filter((e) => e.type === "tracking_updated")).toEqual([expect.objectContaining({ order: a.number })]);
    expect(items.filter((e) => e.type === "created").map((e) => e.order)).toEqual([a.number, b.number, c.number]);
    // The webhooks' sequence: the order's version after each event that bumps it; none on a note.
    expect(items.filter((e) => e.order === b.number).map((e) => [e.type, e.sequence])).toEqual([
      ["created", 1],
      ["payment_recorded", 2],
      ["status_changed", 3],
      ["status_changed", 4],
    ]);
    expect(items.filter((e) => e.order === c.number).map((e) => [e.type, e.sequence])).toEqual([
      ["created", 1],
      ["comment", null],
    ]);
    expect(byId.get(undo.event.id)!.sequence).toBe(undo.order.version);

    // Caught up: the same cursor again gives nothing new, and hands the cursor back to store.
    const caughtUp = await feed(`?after=${pages.at(-1)!.nextCursor}`);
    expect(caughtUp).toEqual({ data: [], nextCursor: pages.at(-1)!.nextCursor, hasMore: false });
  });

  it("holds back events newer than its safety margin, and the cursor does not pass them", async () => {
    await settleAll();
    const before = await feed("?limit=100");
    const cursor = before.nextCursor!;
    const order = await createTestOrder(db, flow.type.code);
    must(await transitionOrder(db, { orderId: order.id, to: { id: flow.status.awaiting_payment.id }, actor: erp }));

    // Just written: not yet listed, and the cursor stays where it was.
    expect(await feed(`?after=${cursor}`)).toEqual({ data: [], nextCursor: cursor, hasMore: false });
    await settleAll();
    const later = await feed(`?after=${cursor}`);
    expect(later.data.map((e) => [e.order, e.type])).toEqual([
      [order.number, "created"],
      [order.number, "status_changed"],
    ]);
  });

  // Needs a second connection: PGlite has one, and a transaction left open there would hold up the reader.
  it.skipIf(!env().TEST_DATABASE_URL)("does not pass an event whose transaction drew a lower id and commits later", async () => {
    await settleAll();
    const start = await readEventPage(db, { limit: 100, settleMs: 0 });
    const slow = await createTestOrder(db, flow.type.code);
    const quick = await createTestOrder(db, flow.type.code);
    await settleAll();
    const cursor = (await readEventPage(db, { limit: 100, settleMs: 0, after: Number(start.nextCursor) })).nextCursor;

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let drawn!: (id: number) => void;
    const lowerId = new Promise<number>((resolve) => (drawn = resolve));
    // A change that writes its event, then takes its time to commit.
    const stalled = db.transaction(async (tx) => {
      const [row] = await tx.insert(orderEvents).values({ orderId: slow.id, type: "comment", actorType: "system", actorLabel: "Slow", comment: "late" }).returning();
      drawn(row!.id);
      await released;
    });
    const x = await lowerId;
    const y = must(await addOrderNote(db, { orderId: quick.id, text: "quick", actor: stan })).event.id;
    expect(y).toBeGreaterThan(x);

    // y is committed and x is not: listing y now would move the cursor past x for good.
    const meanwhile = await readEventPage(db, { limit: 100, settleMs: 0, after: Number(cursor) });
    expect(meanwhile.data.map((e) => e.id)).not.toContain(y);
    expect(Number(meanwhile.nextCursor)).toBeLessThan(x);

    release();
    await stalled;
    const after = await readEventPage(db, { limit: 100, settleMs: 0, after: Number(meanwhile.nextCursor) });
    expect(after.data.map((e) => e.id)).toEqual([x, y]);
  });

  it("filters by event type, comma-separated", async () => {
    await settleAll();
    const { items } = await readAll((after) => `/events?types=status_changed,payment_recorded&limit=3${after ? `&after=${after}` : ""}`);
    const all = await db.select().from(orderEvents).orderBy(asc(orderEvents.id));
    const wanted = all.filter((e) => e.type === "status_changed" || e.type === "payment_recorded");
    expect(wanted.length).toBeGreaterThan(2);
    expect(items.map((e) => e.id)).toEqual(wanted.map((e) => e.id));
    const notes = await feed("?types=comment");
    expect(notes.data.length).toBeGreaterThan(0);
    expect(notes.data.every((e) => e.type === "comment")).toBe(true);
  });

  it("refuses a bad cursor, limit or type field by field, and anything but a key", async () => {
    const refused = async (query: string) => expectProblem(await call(db, "GET", `/events${query}`, { key: readKey }), 422, "validation_failed");
    for (const after of ["abc", "-1", "1.5", "", "1e3", "12345678901234567890"]) {
      expect(Object.keys((await refused(`?after=${encodeURIComponent(after)}`)).errors)).toEqual(["after"]);
    }
    for (const limit of ["0", "101", "abc", "2.5"]) {
      expect(Object.keys((await refused(`?limit=${limit}`)).errors)).toEqual(["limit"]);
    }
    const badType = await refused("?types=status_changed,shipped");
    expect(Object.keys(badType.errors).every((k: string) => k.startsWith("types"))).toBe(true);
    await refused("?cursor=abc"); // the orders list's parameter is not this one's: unknown parameters are refused

    // Bounds that are allowed.
    expect((await feed("?limit=1")).data.length).toBe(1);
    expect((await feed("?limit=100")).data.length).toBeGreaterThan(1);
    expect((await feed("?after=0&limit=100")).data.length).toBe((await feed("?limit=100")).data.length);

    expectProblem(await call(db, "GET", "/events"), 401, "unauthorized");
    expectProblem(await call(db, "GET", "/events", { key: "ok_nottherightkey" }), 401, "unauthorized");
    // Reading needs only the read scope, which every key has.
    for (const scope of ["read", "write", "admin"] as const) {
      expect((await call(db, "GET", "/events?limit=1", { key: await keyFor(db, scope) })).status).toBe(200);
    }
  });

  it("reads a page as a range scan of the primary key, at any depth", async () => {
    const order = await createTestOrder(db, flow.type.code);
    await db.execute(sql`
      insert into order_events (order_id, type, actor_type, actor_label, comment, created_at)
      select ${order.id}, 'comment', 'system', 'Load', 'note ' || n, now() - interval '1 day'
      from generate_series(1, 5000) as n`);
    await db.execute(sql`analyze order_events`);
    const [middle] = await db.select({ id: orderEvents.id }).from(orderEvents).orderBy(asc(orderEvents.id)).offset(2500).limit(1);
    const plan = async (request: Parameters<typeof eventPageStatement>[1]) => {
      const list = rowsOf<Record<string, string>>(await db.execute(sql`explain ${eventPageStatement(db, request)}`));
      return list.map((r) => Object.values(r)[0]).join("\n");
    };
    const feedPlan = await plan({ after: middle!.id, limit: 50, writtenBefore: new Date() });
    expect(feedPlan).toMatch(/Index Scan using order_events_pkey on order_events/);
    expect(feedPlan).toMatch(/Index Cond: \(id > /);
    expect(feedPlan).not.toMatch(/Seq Scan on order_events|Sort/);
    const orderPlan = await plan({ orderId: order.id, after: middle!.id, limit: 50 });
    expect(orderPlan).toMatch(/Index (Only )?Scan using (order_events_order_idx|order_events_pkey) on order_events/);
    expect(orderPlan).not.toMatch(/Seq Scan on order_events|Sort/);
  });
});

describe("GET /orders/{number}/events", () => {
  it("pages one order's history with the same cursor, listing a change at once", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const other = await createTestOrder(db, flow.type.code);
    must(await transitionOrder(db, { orderId: order.id, to: { id: flow.status.awaiting_payment.id }, actor: erp }));
    must(await transitionOrder(db, { orderId: other.id, to: { id: flow.status.awaiting_payment.id }, actor: erp }));
    must(await recordPayment(db, { orderId: order.id, amount: 2500, actor: erp }));
    must(await addOrderNote(db, { orderId: order.id, text: "Called", actor: stan }));
    must(await recordPayment(db, { orderId: order.id, amount: 2500, actor: erp }));
    must(await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "DPD-9", actor: erp }));
    const last = must(await transitionOrder(db, { orderId: order.id, to: { id: flow.status.picking.id }, actor: erp }));

    const history = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id));
    expect(history).toHaveLength(7);
    const { items, pages } = await readAll((after) => `/orders/${order.number}/events?limit=3${after ? `&after=${after}` : ""}`);
    expect(pages.map((p) => [p.data.length, p.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(items.map((e) => e.id)).toEqual(history.map((e) => e.id));
    expect(items.every((e) => e.order === order.number)).toBe(true);
    expect(items.map((e) => e.sequence)).toEqual([1, 2, 3, null, 4, 5, 6]);
    expect(items.at(-1)!.sequence).toBe(last.order.version);
    // No safety margin for one order: the change just made is there.
    expect(items.at(-1)!.id).toBe(last.event.id);

    // The default page is 50; a bad cursor or limit is refused; an unknown order is still 404.
    const whole = await call(db, "GET", `/orders/${order.number}/events`, { key: readKey });
    expect(whole.json).toMatchObject({ hasMore: false, nextCursor: String(last.event.id) });
    expect(whole.json.data).toHaveLength(7);
    expectProblem(await call(db, "GET", `/orders/${order.number}/events?after=x`, { key: readKey }), 422, "validation_failed");
    expectProblem(await call(db, "GET", `/orders/${order.number}/events?limit=101`, { key: readKey }), 422, "validation_failed");
    expectProblem(await call(db, "GET", "/orders/NOPE-1/events", { key: readKey }), 404, "not_found");
  });
});
