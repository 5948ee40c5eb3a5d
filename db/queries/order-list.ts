// The order list's read, without `import "server-only"` so the benchmark (plain Node) can run the
// very same query; db/queries/orders.ts is the guarded entry point for the app.
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, orderTypes, statuses } from "@/db/schema";
import { nameIn } from "@/lib/i18n/name-in";
import { orderFilterConditions, type OrderFilters } from "./order-filters";
import { readSearching } from "./order-search";

export const ORDERS_PAGE_SIZE = 25;

export const ORDER_SORTS = ["created", "number", "customer", "total", "in_status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export type OrderListFilters = OrderFilters & {
  page?: number;
  statusId?: number;
  orderTypeId?: number;
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
  conditions.push(...orderFilterConditions(filters, statuses.slaHours));
  const where = conditions.length ? and(...conditions) : undefined;
  const offset = (Math.max(page, 1) - 1) * ORDERS_PAGE_SIZE;
  // "In status" reads as a duration: ascending means the shortest wait, i.e. the latest change.
  const column = sortColumn(sort);
  const ascending = sort === "in_status" ? dir === "desc" : dir === "asc";

  const read = (client: DbOrTx) =>
    Promise.all([
      client
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
          orderType: { name: orderTypes.name, translations: orderTypes.translations },
          // A return or complaint names its sale (ADR 0161): one index lookup per row of the page.
          parentNumber: sql<string | null>`(select parent.number from orders parent where parent.id = ${orders.parentOrderId})`,
        })
        .from(orders)
        .innerJoin(statuses, eq(orders.statusId, statuses.id))
        .innerJoin(orderTypes, eq(orders.orderTypeId, orderTypes.id))
        .where(where)
        .orderBy(ascending ? asc(column) : desc(column), ascending ? asc(orders.id) : desc(orders.id))
        .limit(ORDERS_PAGE_SIZE)
        .offset(offset),
      client
        .select({ count: count() })
        .from(orders)
        .innerJoin(statuses, eq(orders.statusId, statuses.id))
        .where(where),
    ]);
  const [rows, [total]] = await readSearching(db, filters.search, read);
  const totalCount = total?.count ?? 0;
  const named = rows.map(({ status: { translations, ...status }, orderType, ...row }) => ({
    ...row,
    status: { ...status, name: nameIn({ name: status.name, translations }, locale) },
    orderType: nameIn(orderType, locale),
  }));
  return { rows: named, totalCount, pageCount: Math.max(1, Math.ceil(totalCount / ORDERS_PAGE_SIZE)) };
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>["rows"][number];
