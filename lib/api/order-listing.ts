import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { orderSearchCondition, readSearching } from "@/db/queries/order-search";
import { orders, type Order } from "@/db/schema";
import { ok, refuse, type FieldErrors, type Result } from "@/lib/result";
import { groupKindSchema, MAX_LIST_VALUES, ORDER_LIST_SORTS, PAYMENT_STATES, type listOrdersQuery } from "./schemas";
import type { Lookups } from "./views";

export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
type Sort = (typeof ORDER_LIST_SORTS)[number];
type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * Where a page ended, for the next one: the sort it belongs to, the last order's sort key (to the
 * microsecond, as Postgres keeps it: a millisecond `Date` would skip or repeat orders whose times
 * differ below it) and its id, which breaks ties (ADR 0142). Opaque to clients.
 */
type Cursor = { sort: Sort; at: string; id: number };

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor | undefined {
  try {
    const { sort, at, id } = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Partial<Record<keyof Cursor, unknown>>;
    if (!ORDER_LIST_SORTS.includes(sort as Sort) || typeof at !== "string" || !CURSOR_TIME.test(at)) return undefined;
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0) return undefined;
    return { sort: sort as Sort, at, id };
  } catch {
    return undefined;
  }
}

/** Repeated values and comma-separated ones as one list, blanks dropped. */
function valuesOf(list: string[] | undefined): string[] | undefined {
  return list?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

const PAYMENT_CONDITION: Record<PaymentState, SQL> = {
  // "Paid" is what the payment gate reads: `paid_at`, set once payments reach the total.
  paid: isNotNull(orders.paidAt),
  partially_paid: and(isNull(orders.paidAt), gt(orders.paidAmount, 0))!,
  unpaid: and(isNull(orders.paidAt), eq(orders.paidAmount, 0))!,
};

type Filters = { conditions: (SQL | undefined)[]; cursor?: Cursor; sort: Sort };

/** The query's filters as SQL, with every unusable one named by its field (status codes and kinds resolved through `lookups`). */
function filtersOf(query: ListOrdersQuery, lookups: Lookups): Result<Filters> {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  const list = (field: string, values: string[] | undefined) => {
    if (values && values.length > MAX_LIST_VALUES) fail(field, `At most ${MAX_LIST_VALUES} values`);
    return values;
  };

  const statusCodes = list("status", valuesOf(query.status));
  const kinds = list("group", valuesOf(query.group));
  const numbers = list("number", valuesOf(query.number));
  const payments = list("paymentState", valuesOf(query.paymentState));

  const statuses = [...lookups.statusById.values()];
  let statusIds: number[] | undefined;
  if (statusCodes) {
    for (const code of statusCodes) if (!statuses.some((s) => s.code === code)) fail("status", `No status has the code "${code}"`);
    statusIds = statuses.filter((s) => statusCodes.includes(s.code)).map((s) => s.id);
  }
  if (kinds) {
    for (const kind of kinds) if (!groupKindSchema.safeParse(kind).success) fail("group", `"${kind}" is not a group kind; use ${groupKindSchema.options.join(", ")}`);
    const inKinds = statuses.filter((s) => kinds.includes(lookups.groupById.get(s.groupId)?.kind ?? "")).map((s) => s.id);
    // Both given: orders in one of the statuses that is also in one of the groups.
    statusIds = statusIds ? statusIds.filter((id) => inKinds.includes(id)) : inKinds;
  }
  for (const state of payments ?? []) {
    if (!PAYMENT_STATES.includes(state as PaymentState)) fail("paymentState", `"${state}" is not a payment state; use ${PAYMENT_STATES.join(", ")}`);
  }
  const typeId = query.orderType === undefined ? undefined : [...lookups.typeCodeById].find(([, code]) => code === query.orderType)?.[0];
  if (query.orderType !== undefined && typeId === undefined) fail("orderType", `No order type has the code "${query.orderType}"`);

  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !cursor) fail("cursor", "This is not a cursor this API gave out");
  else if (cursor && cursor.sort !== query.sort) fail("cursor", `This cursor continues a list with sort=${cursor.sort}; send that sort, or start again without a cursor`);

  if (Object.keys(errors).length > 0) return refuse("validation_failed", `Please check: ${Object.keys(errors).join(", ")}.`, { fieldErrors: errors });
  return ok({
    sort: query.sort,
    cursor,
    conditions: [
      statusIds === undefined ? undefined : inArray(orders.statusId, statusIds),
      numbers === undefined ? undefined : inArray(orders.number, numbers),
      payments === undefined ? undefined : or(...payments.map((p) => PAYMENT_CONDITION[p as PaymentState])),
      query.q === undefined ? undefined : orderSearchCondition(query.q),
      typeId === undefined ? undefined : eq(orders.orderTypeId, typeId),
      query.channel === undefined ? undefined : eq(orders.channel, query.channel),
      query.createdSince === undefined ? undefined : gte(orders.createdAt, new Date(query.createdSince)),
      query.updatedSince === undefined ? undefined : gte(orders.updatedAt, new Date(query.updatedSince)),
    ],
  });
}

export type OrderPage = { rows: Order[]; nextCursor: string | null; hasMore: boolean };

/**
 * One page of orders, keyset-paged on (sort time, id): each page starts strictly after the last
 * order of the one before, in the same direction, so orders that share a timestamp are neither
 * repeated nor skipped, and a deep page costs what the first one does (orders_created_idx,
 * orders_updated_idx).
 */
export async function listOrdersPage(db: DbOrTx, query: ListOrdersQuery, lookups: Lookups): Promise<Result<OrderPage>> {
  const filters = filtersOf(query, lookups);
  if (!filters.ok) return filters;
  const { sort, cursor, conditions } = filters.value;
  const descending = sort.startsWith("-");
  const column = sort.endsWith("updated") ? orders.updatedAt : orders.createdAt;
  const after = cursor
    ? descending
      ? sql`(${column}, ${orders.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
      : sql`(${column}, ${orders.id}) > (${cursor.at}::timestamptz, ${cursor.id})`
    : undefined;
  const direction = descending ? desc : asc;
  const read = (reader: DbOrTx) =>
    reader
      .select({ ...getTableColumns(orders), sortKey: sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
      .from(orders)
      .where(and(...conditions, after))
      .orderBy(direction(column), direction(orders.id))
      .limit(query.limit + 1);
  const rows = await readSearching(db, query.q, read);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return ok({
    rows: page.map(({ sortKey: _key, ...order }) => order),
    hasMore,
    nextCursor: hasMore && last ? encodeCursor({ sort, at: last.sortKey, id: last.id }) : null,
  });
}
