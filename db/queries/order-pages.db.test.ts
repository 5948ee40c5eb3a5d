import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox } from "@/db/schema";
import { HISTORY_PAGE_SIZE, ITEMS_SHOWN, TIMELINE_PAGE_SIZE } from "@/lib/orders/page-bounds";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { inflatedItemName, inflateOrder } from "@/tests/support/inflate-order";
import { openTestDb } from "@/tests/support/test-db";
import { getOrderByNumber, getOrderHistory, getOrderNotifications } from "./orders";
import { getTrackingView } from "./tracking";

/*
 * Issue 14: a stored order may hold far more than the API accepts today. What the order page and
 * the tracking page read of it must stay the same size whatever it holds: the first items and one
 * page of history, as returned by the database.
 */

const ITEMS = 3000;
const EVENTS = 2000;

let handle: DbHandle;
let db: Db;
let order: { id: number; number: string; trackingToken: string };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  const wf = await createRetailWorkflow(db);
  order = await createTestOrder(db, wf.type.code);
  await inflateOrder(db, order.id, { items: ITEMS, nameLength: 300, events: EVENTS });
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

describe("the order page of a huge order", () => {
  it("reads the first items and their count, not the whole list", async () => {
    const found = await getOrderByNumber({ db, number: order.number });
    expect(found?.itemCount).toBe(ITEMS);
    expect(found?.order.items).toHaveLength(ITEMS_SHOWN);
    expect(found?.order.items[0]?.name).toBe(inflatedItemName(1, 300));
    expect(found?.order.items.at(-1)?.sku).toBe(`BIG-${ITEMS_SHOWN}`);
    // The total is the order's own, not the sum of the items shown.
    expect(found?.order.total).toBe(ITEMS * 100);
  });

  it("reads one page of history, newest first, and pages on to the oldest", async () => {
    const first = await getOrderHistory({ db, orderId: order.id });
    expect(first.totalCount).toBe(EVENTS + 1);
    expect(first.pageCount).toBe(Math.ceil((EVENTS + 1) / HISTORY_PAGE_SIZE));
    expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.entries[0]?.event.comment).toBe(`Note ${EVENTS}`);

    const second = await getOrderHistory({ db, orderId: order.id, page: 2 });
    expect(second.page).toBe(2);
    expect(second.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(second.entries[0]!.event.id).toBeLessThan(first.entries.at(-1)!.event.id);
    expect(second.entries[0]?.event.comment).toBe(`Note ${EVENTS - HISTORY_PAGE_SIZE}`);

    // A page past the end is the last one: the order's creation, alone.
    const past = await getOrderHistory({ db, orderId: order.id, page: 10_000 });
    expect(past.page).toBe(first.pageCount);
    expect(past.entries.map((e) => e.event.type)).toEqual(["created"]);
  });

  it("reads only the notifications of the history page shown", async () => {
    const [all] = await db.select({ count: count() }).from(outbox).where(eq(outbox.orderId, order.id));
    expect(all!.count).toBeGreaterThan(0);
    const newest = await getOrderHistory({ db, orderId: order.id });
    expect(await getOrderNotifications({ db, orderId: order.id, eventIds: newest.entries.map((e) => e.event.id) })).toEqual([]);
    const oldest = await getOrderHistory({ db, orderId: order.id, page: newest.pageCount });
    const queued = await getOrderNotifications({ db, orderId: order.id, eventIds: oldest.entries.map((e) => e.event.id) });
    expect(queued).toHaveLength(all!.count);
  });
});

describe("the tracking page of a huge order", () => {
  it("reads the first items, counts the rest, and one page of the customer's timeline", async () => {
    const found = await getTrackingView({ db, token: order.trackingToken, locale: "en" });
    const view = found!.view;
    expect(view.items).toHaveLength(ITEMS_SHOWN);
    expect(view.moreItems).toBe(ITEMS - ITEMS_SHOWN);
    expect(view.total).toBe(ITEMS * 100);
    // Every fifth change carries a comment for the customer; nothing else is theirs to see.
    const visible = EVENTS / 5;
    expect(view.timelinePage).toEqual({ page: 1, pageCount: Math.ceil(visible / TIMELINE_PAGE_SIZE) });
    expect(view.timeline).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(view.timeline[0]?.comment).toBe(`Note ${EVENTS}`);
    // 50 items of 300 characters and a page of entries: well under 64 KB, whatever the order holds.
    expect(JSON.stringify(view).length).toBeLessThan(64 * 1024);
  });

  it("pages back through the timeline, newest first", async () => {
    const second = (await getTrackingView({ db, token: order.trackingToken, locale: "pl", page: 2 }))!.view;
    expect(second.timelinePage.page).toBe(2);
    expect(second.timeline.map((t) => t.comment)).toEqual(
      Array.from({ length: TIMELINE_PAGE_SIZE }, (_, i) => `Note ${EVENTS - 5 * (TIMELINE_PAGE_SIZE + i)}`),
    );
    const last = (await getTrackingView({ db, token: order.trackingToken, locale: "pl", page: 999 }))!.view;
    expect(last.timelinePage.page).toBe(last.timelinePage.pageCount);
    expect(last.timeline.at(-1)?.comment).toBe("Note 5");
  });
});
