import { and, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { analyticsRollupAll, orders, orderTypes } from "@/db/schema";
import type { AnalyticsFilters } from "./filters";

/*
 * Conditions every analytics figure shares, so "the period", "the filtered orders" and "a return"
 * mean one thing across the page, the CSV export and the benchmark.
 */

/** The order-type and channel filters, as conditions on `orders`. */
export function orderScope(filters: AnalyticsFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.orderType) {
    conditions.push(sql`${orders.orderTypeId} = (select ${orderTypes.id} from ${orderTypes} where ${eq(orderTypes.code, filters.orderType)})`);
  }
  if (filters.channel) conditions.push(eq(orders.channel, filters.channel));
  return conditions;
}

/** The same filters on the rollups (db/schema/analytics.ts), which keep each order's type and channel. */
export function rollupScope(filters: AnalyticsFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.orderType) {
    conditions.push(sql`${analyticsRollupAll.orderTypeId} = (select ${orderTypes.id} from ${orderTypes} where ${eq(orderTypes.code, filters.orderType)})`);
  }
  if (filters.channel) conditions.push(eq(analyticsRollupAll.channel, filters.channel));
  return conditions;
}

/** The rollup rows of one figure for the period's days (shop days, both ends included), filtered. */
export function rollupRowsOf(figure: string | SQL | undefined, filters: AnalyticsFilters): SQL | undefined {
  return and(
    typeof figure === "string" ? eq(analyticsRollupAll.figure, figure) : figure,
    gte(analyticsRollupAll.day, filters.from),
    lte(analyticsRollupAll.day, filters.to),
    ...rollupScope(filters),
  );
}

/** The statuses orders wait in (group kinds `new` and `in_progress`). */
export const OPEN_KINDS = ["new", "in_progress"] as const;

/**
 * Returns and complaints are statuses whose code or group key names them: "return", "returned",
 * "complaint_pending", Polish "zwrot", "reklamac" (see docs/adr/0061). A word match, so
 * "returned" counts and "no_returnable" (not a word start) does not. The rollups' triggers hold
 * the same pattern (`analytics_categories`, migration analytics_rollups); a test keeps them equal.
 */
export const RETURN_PATTERN = "(^|[_.-])(return|complaint|zwrot|reklamac)";

/** Same test in JavaScript, for code that already holds the status (UI labels, tests). */
export function looksLikeReturn(code: string, groupKey = ""): boolean {
  const pattern = new RegExp(RETURN_PATTERN, "i");
  return pattern.test(code) || pattern.test(groupKey);
}
