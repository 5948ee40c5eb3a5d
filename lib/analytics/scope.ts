import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { orders, orderTypes, statuses, statusGroups } from "@/db/schema";
import { ANALYTICS_TIME_ZONE, type AnalyticsFilters } from "./filters";

/*
 * SQL pieces every analytics figure shares, so "the period", "the filtered orders" and "a return"
 * mean one thing across the page, the CSV export and the benchmark.
 */

/** The event types that put an order into a status: its history of stays. */
export const STATUS_ENTRY_TYPES = ["created", "status_changed"] as const;

// A constant, written into the SQL rather than bound: GROUP BY must see the very same expression
// in the select list, and two bound parameters are two different expressions to Postgres.
const ZONE = sql.raw(`'${ANALYTICS_TIME_ZONE}'`);

/** Midnight at the start of `from`, in the shop's zone (DST-correct: Postgres does the zone maths). */
export function periodStart(filters: AnalyticsFilters): SQL {
  return sql`((${filters.from}::date)::timestamp at time zone ${ZONE})`;
}

/** Midnight after `to`: the period is [start, end). */
export function periodEnd(filters: AnalyticsFilters): SQL {
  return sql`((${filters.to}::date + 1)::timestamp at time zone ${ZONE})`;
}

/** A timestamp's calendar day in the shop's zone, as 'YYYY-MM-DD' text. */
export function shopDay(column: SQL | typeof orders.createdAt): SQL<string> {
  return sql<string>`to_char(${column} at time zone ${ZONE}, 'YYYY-MM-DD')`;
}

/** The order-type and channel filters, as conditions on `orders`. */
export function orderScope(filters: AnalyticsFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.orderType) {
    conditions.push(sql`${orders.orderTypeId} = (select ${orderTypes.id} from ${orderTypes} where ${eq(orderTypes.code, filters.orderType)})`);
  }
  if (filters.channel) conditions.push(eq(orders.channel, filters.channel));
  return conditions;
}

/**
 * The same filters as a condition on an `order_id` column, or nothing when no filter is set: the
 * figures read from the history then never touch `orders` at all.
 */
export function orderIdInScope(filters: AnalyticsFilters, orderId: SQL | AnyPgColumn): SQL[] {
  const scope = orderScope(filters);
  return scope.length ? [sql`${orderId} in (select ${orders.id} from ${orders} where ${and(...scope)})`] : [];
}

/**
 * The ids of the statuses meeting `condition` (on `statuses` and `status_groups`), as one array
 * computed once per query: history rows then match by `to_status_id = any(...)` from the index
 * instead of joining the workflow tables row by row.
 */
export function statusIdsWhere(condition: SQL | undefined): SQL<number[]> {
  return sql<number[]>`array(select ${statuses.id} from ${statuses} inner join ${statusGroups} on ${statusGroups.id} = ${statuses.groupId} where ${condition ?? sql`true`})`;
}

/** The statuses orders wait in (group kinds `new` and `in_progress`), as in `statusIdsWhere`. */
export const OPEN_KINDS = ["new", "in_progress"] as const;

/**
 * Returns and complaints are statuses whose code or group key names them: "return", "returned",
 * "complaint_pending", Polish "zwrot", "reklamacja" (see docs/adr/0061). A word match, so
 * "returned" counts and "no_returnable" (not a word start) does not.
 */
export const RETURN_PATTERN = "(^|[_.-])(return|complaint|zwrot|reklamac)";

export function isReturnStatus(): SQL<boolean> {
  return sql<boolean>`(${statuses.code} ~* ${RETURN_PATTERN} or ${statusGroups.key} ~* ${RETURN_PATTERN})`;
}

/** Same test in JavaScript, for code that already holds the status (UI labels, tests). */
export function looksLikeReturn(code: string, groupKey = ""): boolean {
  const pattern = new RegExp(RETURN_PATTERN, "i");
  return pattern.test(code) || pattern.test(groupKey);
}
