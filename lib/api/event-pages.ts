import { and, asc, eq, getTableColumns, gt, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, type OrderEventType } from "@/db/schema";
import { SEQUENCED_ORDER_EVENT_TYPES } from "@/lib/integrations/webhooks/events";
import type { EventPage } from "./schemas";
import { loadLookups, orderEventView } from "./views";

/**
 * How long the feed waits before it lists an event (ADR 0138). Event ids come from one identity
 * sequence in the order they are drawn, but transactions commit in their own order: a change that
 * drew id 41 may commit after one that drew id 42, and a reader that got 42 and then asks for
 * `after=42` would never see 41. So the feed lists only events written before a horizon: this long
 * before now, and this long before the start of the oldest transaction still writing (see
 * `feedHorizon`), so a stalled change holds the feed back instead of being skipped. A change of
 * one order takes 10–30 ms (ADR 0133); the margin covers clocks and everything in between.
 */
export const FEED_SETTLE_MS = 10_000;

/**
 * The moment before which every event is final: `settleMs` before now, and before the oldest
 * transaction of this database that is writing (has a transaction id) and has not ended. Any event
 * still to be committed was drawn after its transaction began, so it is later than the horizon,
 * and so is every event with a higher id. Read on its own, before the page: an event committed
 * in between is then visible to the page's statement.
 */
export async function feedHorizon(db: DbOrTx, settleMs: number): Promise<Date> {
  const [row] = await db
    .select({
      horizon: sql<string>`least(now(), (
        select min(xact_start) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and backend_xid is not null
      )) - make_interval(secs => ${settleMs / 1000})`,
    })
    // One value, no table: drizzle's select wants a FROM, and this answers the same on both drivers.
    .from(sql`(select 1) as one`);
  if (!row) throw new Error("the feed's horizon was not read");
  return new Date(row.horizon);
}

export type EventPageRequest = {
  /** Only events with a larger id: the `nextCursor` of the previous page, or the last event id seen. */
  after?: number;
  limit: number;
  /** One order's history (`GET /orders/{number}/events`); all orders when left out. */
  orderId?: number;
  types?: readonly OrderEventType[];
  /** Only events written before this moment: the feed's horizon (see `feedHorizon`). */
  writtenBefore?: Date;
};

const sequenced = sql.join(
  SEQUENCED_ORDER_EVENT_TYPES.map((type) => sql`${type}::order_event_type`),
  sql`, `,
);

/**
 * The order's version after the event, for the events that bump it (the webhook's `data.sequence`):
 * how many of them the order has up to this one, read from `order_events_order_idx`.
 */
const sequence = sql<number | null>`case when ${orderEvents.type} in (${sequenced}) then (
  select count(*)::int from ${orderEvents} as earlier
  where earlier.order_id = ${orderEvents.orderId} and earlier.id <= ${orderEvents.id} and earlier.type in (${sequenced})
) end`;

const columns = { ...getTableColumns(orderEvents), orderNumber: orders.number, sequence };

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

/**
 * One page of history with its cursor; the feed and the per-order history page the same way.
 * `settleMs`: list only what is final (the feed), up to `feedHorizon`.
 */
export async function readEventPage(db: DbOrTx, request: Omit<EventPageRequest, "writtenBefore"> & { settleMs?: number }): Promise<EventPage> {
  const { settleMs, ...rest } = request;
  const writtenBefore = settleMs === undefined ? undefined : await feedHorizon(db, settleMs);
  const [lookups, rows] = await Promise.all([loadLookups(db), eventPageStatement(db, { ...rest, writtenBefore })]);
  const page = rows.slice(0, request.limit);
  // An empty page hands the cursor back: the client stores one value and asks again with it.
  const last = page.at(-1)?.id ?? request.after;
  return {
    data: page.map(({ orderNumber, sequence, ...event }) => orderEventView(event, { number: orderNumber, sequence }, lookups)),
    nextCursor: last === undefined ? null : String(last),
    hasMore: rows.length > request.limit,
  };
}
