import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, orderTypes, statuses, statusGroups } from "@/db/schema";

export const ORDERS_PAGE_SIZE = 25;

export type OrderListFilters = { page?: number; statusId?: number; search?: string };

export async function listOrders({ db, page = 1, statusId, search }: OrderListFilters & { db: DbOrTx }) {
  const conditions: SQL[] = [];
  if (statusId) conditions.push(eq(orders.statusId, statusId));
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(orders.number, pattern), ilike(orders.customerName, pattern), ilike(orders.customerEmail, pattern))!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const offset = (Math.max(page, 1) - 1) * ORDERS_PAGE_SIZE;

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
        createdAt: orders.createdAt,
        statusChangedAt: orders.statusChangedAt,
        status: { id: statuses.id, name: statuses.name, colour: statuses.colour },
        orderType: orderTypes.name,
      })
      .from(orders)
      .innerJoin(statuses, eq(orders.statusId, statuses.id))
      .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(ORDERS_PAGE_SIZE)
      .offset(offset),
    db.select({ count: count() }).from(orders).where(where),
  ]);
  const totalCount = total?.count ?? 0;
  return { rows, totalCount, pageCount: Math.max(1, Math.ceil(totalCount / ORDERS_PAGE_SIZE)) };
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>["rows"][number];

export async function listStatusesForFilter({ db }: { db: DbOrTx }) {
  return db
    .select({ id: statuses.id, name: statuses.name, colour: statuses.colour })
    .from(statuses)
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id));
}

export async function getOrderByNumber({ db, number }: { db: DbOrTx; number: string }) {
  const [row] = await db
    .select({ order: orders, status: statuses, orderType: orderTypes })
    .from(orders)
    .innerJoin(statuses, eq(orders.statusId, statuses.id))
    .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
    .where(eq(orders.number, number));
  return row;
}

export async function getOrderHistory({ db, orderId }: { db: DbOrTx; orderId: number }) {
  const fromStatus = alias(statuses, "from_status");
  const toStatus = alias(statuses, "to_status");
  return db
    .select({
      event: orderEvents,
      from: { name: fromStatus.name, colour: fromStatus.colour },
      to: { name: toStatus.name, colour: toStatus.colour },
    })
    .from(orderEvents)
    .leftJoin(fromStatus, eq(orderEvents.fromStatusId, fromStatus.id))
    .leftJoin(toStatus, eq(orderEvents.toStatusId, toStatus.id))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(desc(orderEvents.id));
}

export type OrderHistoryEntry = Awaited<ReturnType<typeof getOrderHistory>>[number];
