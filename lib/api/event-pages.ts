import { and, asc, eq, getTableColumns, gt, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, type OrderEventType } from "@/db/schema";
import type { EventPage } from "./schemas";
import { loadLookups, orderEventView } from "./views";

/**
 * How long the feed waits before it lists an event (ADR 0138). Event ids come from one identity
 * sequence in the order they are drawn, but transactions commit in their own order: a change that
 * drew id 41 may commit after one that drew id 42. A reader that got 42 and asks for `after=42`
 * would never see 41. Every transaction that writes history is one order's change, which commits
 * within milliseconds of writing its events (10–30 ms measured, ADR 0133; chains of rules and a
 * queued document included well under a second), so an event written this long ago has every
 * event with a lower id committed (or rolled back) with it.
 */
export const FEED_SETTLE_MS = 10_000;

export type EventPageRequest = {
  /** Only events with a larger id: the `nextCursor` of the previous page, or the last event id seen. */
  after?: number;
  limit: number;
  /** One order's history (`GET /orders/{number}/events`); all orders when left out. */
  orderId?: number;
  types?: readonly OrderEventType[];
  /** Only events written before this moment: the feed's safety margin (see `FEED_SETTLE_MS`). */
  writtenBefore?: Date;
};

const columns = { ...getTableColumns(orderEvents), orderNumber: orders.number };

/**
 * The statement behind a page, oldest first, keyset on the event id: a range scan of the primary
 * key (the feed) or of `order_events_order_idx` (one order), one row past the page to know whether
 * more follow. Exported so a test can hold its plan to that.
 */
export function eventPageStatement(db: DbOrTx, request: EventPageRequest) {
  return db
    .select(columns)
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(
      and(
        request.orderId === undefined ? undefined : eq(orderEvents.orderId, request.orderId),
        request.after === undefined ? undefined : gt(orderEvents.id, request.after),
        request.types === undefined ? undefined : inArray(orderEvents.type, [...request.types]),
        request.writtenBefore === undefined ? undefined : lt(orderEvents.createdAt, request.writtenBefore),
      ),
    )
    .orderBy(asc(orderEvents.id))
    .limit(request.limit + 1);
}

/** One page of history with its cursor; the feed and the per-order history page the same way. */
export async function readEventPage(db: DbOrTx, request: EventPageRequest): Promise<EventPage> {
  const [lookups, rows] = await Promise.all([loadLookups(db), eventPageStatement(db, request)]);
  const page = rows.slice(0, request.limit);
  // An empty page hands the cursor back: the client stores one value and asks again with it.
  const last = page.at(-1)?.id ?? request.after;
  return {
    data: page.map(({ orderNumber, ...event }) => orderEventView(event, orderNumber, lookups)),
    nextCursor: last === undefined ? null : String(last),
    hasMore: rows.length > request.limit,
  };
}
