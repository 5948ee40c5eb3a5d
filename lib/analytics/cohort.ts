import { and, gte, lt, type SQL } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { AnalyticsFilters } from "./filters";
import { orderScope, periodEnd, periodStart } from "./scope";

/*
 * The funnel and the rates follow a cohort: the orders created in the period (and matching the
 * filters), and where they got to by the period's end. A cohort keeps every rate between 0 and 1
 * and lets a past period's figures stay put as later history is written.
 */

export function cohortConditions(filters: AnalyticsFilters): SQL | undefined {
  return and(gte(orders.createdAt, periodStart(filters)), lt(orders.createdAt, periodEnd(filters)), ...orderScope(filters));
}
