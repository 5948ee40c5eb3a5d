import "server-only";
import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, orderTypes, outbox, statuses, statusGroups } from "@/db/schema";
import { nameIn } from "@/lib/i18n/name-in";
import { HISTORY_PAGE_SIZE, pageCountOf } from "@/lib/orders/page-bounds";
import { firstItems, itemCount } from "./order-items";

export {
  listOrders,
  ORDER_SORTS,
  ORDERS_PAGE_SIZE,
  type OrderListFilters,
  type OrderListRow,
  type OrderSort,
} from "./order-list";

export async function listStatusesForFilter({ db, locale }: { db: DbOrTx; locale: string }) {
  const rows = await db
    .select({ id: statuses.id, name: statuses.name, translations: statuses.translations, colour: statuses.colour })
    .from(statuses)
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id));
  return rows.map(({ translations, ...status }) => ({ ...status, name: nameIn({ name: status.name, translations }, locale) }));
}

/**
 * The order page's order: every column, but `items` holds only the first ITEMS_SHOWN items and
 * `itemCount` says how many there are, so a huge order's list never leaves the database whole.
 */
export async function getOrderByNumber({ db, number }: { db: DbOrTx; number: string }) {
  const { items: _items, ...columns } = getTableColumns(orders);
  const [row] = await db
    .select({ order: { ...columns, items: firstItems() }, itemCount: itemCount(), status: statuses, orderType: orderTypes })
    .from(orders)
    .innerJoin(statuses, eq(orders.statusId, statuses.id))
    .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
    .where(eq(orders.number, number));
  return row;
}

/**
 * One page of the order's history, newest first (`page` from 1; past the last it is the last),
 * with the page count: the database returns HISTORY_PAGE_SIZE events at most.
 */
export async function getOrderHistory({ db, orderId, page = 1 }: { db: DbOrTx; orderId: number; page?: number }) {
  const [total] = await db.select({ count: count() }).from(orderEvents).where(eq(orderEvents.orderId, orderId));
  const pageCount = pageCountOf(total?.count ?? 0, HISTORY_PAGE_SIZE);
  const current = Math.min(Math.max(page, 1), pageCount);
  const fromStatus = alias(statuses, "from_status");
  const toStatus = alias(statuses, "to_status");
  const entries = await db
    .select({
      event: orderEvents,
      from: { name: fromStatus.name, colour: fromStatus.colour, translations: fromStatus.translations },
      to: { name: toStatus.name, colour: toStatus.colour, translations: toStatus.translations },
    })
    .from(orderEvents)
    .leftJoin(fromStatus, eq(orderEvents.fromStatusId, fromStatus.id))
    .leftJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(desc(orderEvents.id))
    .limit(HISTORY_PAGE_SIZE)
    .offset((current - 1) * HISTORY_PAGE_SIZE);
  return { entries, page: current, pageCount, totalCount: total?.count ?? 0 };
}

export type OrderHistoryEntry = Awaited<ReturnType<typeof getOrderHistory>>["entries"][number];

/** The messages the given history events queued, with their delivery state, for the order's timeline. */
export async function getOrderNotifications({ db, orderId, eventIds }: { db: DbOrTx; orderId: number; eventIds: number[] }) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      id: outbox.id,
      eventId: outbox.eventId,
      kind: outbox.kind,
      recipient: outbox.recipient,
      audience: sql<string | null>`${outbox.payload} #>> '{template,audience}'`,
      state: outbox.state,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(and(eq(outbox.orderId, orderId), inArray(outbox.eventId, eventIds)))
    .orderBy(asc(outbox.id));
}

export type OrderNotification = Awaited<ReturnType<typeof getOrderNotifications>>[number];
