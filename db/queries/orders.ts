import "server-only";
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, orderTypes, outbox, statuses, statusGroups } from "@/db/schema";
import { statusNameIn } from "@/lib/i18n/status-name";
import { HISTORY_PAGE_SIZE, pageCountOf } from "@/lib/orders/page-bounds";
import { firstItems, itemCount } from "./order-items";

export const ORDERS_PAGE_SIZE = 25;

export const ORDER_SORTS = ["created", "number", "customer", "total", "in_status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export type OrderListFilters = {
  page?: number;
  statusId?: number;
  search?: string;
  orderTypeId?: number;
  channel?: string;
  courier?: string;
  paymentMethod?: string;
  paid?: "paid" | "unpaid";
  overdue?: boolean;
  sort?: OrderSort;
  dir?: "asc" | "desc";
};

function sortColumn(sort: OrderSort) {
  switch (sort) {
    case "number":
      return orders.number;
    case "customer":
      return orders.customerName;
    case "total":
      return orders.total;
    case "in_status":
      return orders.statusChangedAt;
    default:
      return orders.createdAt;
  }
}

/** One page of the list; each row's status `name` is in the reader's language (`locale`) where translated. */
export async function listOrders({
  db,
  locale,
  page = 1,
  sort = "created",
  dir = "desc",
  ...filters
}: OrderListFilters & { db: DbOrTx; locale: string }) {
  const conditions: SQL[] = [];
  if (filters.statusId) conditions.push(eq(orders.statusId, filters.statusId));
  if (filters.orderTypeId) conditions.push(eq(orders.orderTypeId, filters.orderTypeId));
  if (filters.channel) conditions.push(eq(orders.channel, filters.channel));
  if (filters.courier) conditions.push(eq(orders.courier, filters.courier));
  if (filters.paymentMethod) conditions.push(eq(orders.paymentMethod, filters.paymentMethod));
  if (filters.paid === "paid") conditions.push(isNotNull(orders.paidAt));
  if (filters.paid === "unpaid") conditions.push(isNull(orders.paidAt));
  if (filters.overdue) {
    conditions.push(sql`${orders.statusChangedAt} < now() - make_interval(hours => ${statuses.slaHours})`);
  }
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(orders.number, pattern), ilike(orders.customerName, pattern), ilike(orders.customerEmail, pattern))!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const offset = (Math.max(page, 1) - 1) * ORDERS_PAGE_SIZE;
  // "In status" reads as a duration: ascending means the shortest wait, i.e. the latest change.
  const column = sortColumn(sort);
  const ascending = sort === "in_status" ? dir === "desc" : dir === "asc";

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        customerName: orders.customerName,
        channel: orders.channel,
        total: orders.total,
        currency: orders.currency,
        paidAt: orders.paidAt,
        paymentMethod: orders.paymentMethod,
        courier: orders.courier,
        version: orders.version,
        orderTypeId: orders.orderTypeId,
        createdAt: orders.createdAt,
        statusChangedAt: orders.statusChangedAt,
        status: { id: statuses.id, name: statuses.name, translations: statuses.translations, colour: statuses.colour, slaHours: statuses.slaHours },
        orderType: orderTypes.name,
      })
      .from(orders)
      .innerJoin(statuses, eq(orders.statusId, statuses.id))
      .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
      .where(where)
      .orderBy(ascending ? asc(column) : desc(column), ascending ? asc(orders.id) : desc(orders.id))
      .limit(ORDERS_PAGE_SIZE)
      .offset(offset),
    db
      .select({ count: count() })
      .from(orders)
      .innerJoin(statuses, eq(orders.statusId, statuses.id))
      .where(where),
  ]);
  const totalCount = total?.count ?? 0;
  const named = rows.map(({ status: { translations, ...status }, ...row }) => ({
    ...row,
    status: { ...status, name: statusNameIn({ name: status.name, translations }, locale) },
  }));
  return { rows: named, totalCount, pageCount: Math.max(1, Math.ceil(totalCount / ORDERS_PAGE_SIZE)) };
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>["rows"][number];

export async function listStatusesForFilter({ db, locale }: { db: DbOrTx; locale: string }) {
  const rows = await db
    .select({ id: statuses.id, name: statuses.name, translations: statuses.translations, colour: statuses.colour })
    .from(statuses)
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id));
  return rows.map(({ translations, ...status }) => ({ ...status, name: statusNameIn({ name: status.name, translations }, locale) }));
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
