import { and, gte, lt, sql, type SQL } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { AnalyticsFilters } from "./filters";
import { orderScope, periodEnd, periodStart, statusIdsWhere } from "./scope";

/*
 * The funnel and the rates follow a cohort: the orders created in the period (and matching the
 * filters), and where they got to by the period's end. A cohort keeps every rate between 0 and 1
 * and lets a past period's figures stay put as later history is written.
 */

export function cohortConditions(filters: AnalyticsFilters): SQL | undefined {
  return and(gte(orders.createdAt, periodStart(filters)), lt(orders.createdAt, periodEnd(filters)), ...orderScope(filters));
}

/**
 * Whether the cohort order in the current row entered one of the statuses meeting `statusCondition`
 * before the period's end. One probe of the status-history index per order, stopping at the first
 * match: the cohort's figures cost what the cohort is, not the whole history, and need no sort.
 */
export function reachedBeforeEnd(filters: AnalyticsFilters, statusCondition: SQL | undefined): SQL<boolean> {
  return sql<boolean>`exists (select 1 from order_events e where e.order_id = ${orders.id} and e.type in ('created', 'status_changed') and e.created_at < ${periodEnd(filters)} and e.to_status_id = any(${statusIdsWhere(statusCondition)}))`;
}
