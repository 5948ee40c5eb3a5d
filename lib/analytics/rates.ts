import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statuses, statusGroups } from "@/db/schema";
import { cohortConditions } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { isReturnStatus, periodEnd, STATUS_ENTRY_TYPES } from "./scope";

export type Rates = {
  /** Orders created in the period. */
  cohort: number;
  /** Of those, reached a `not_completed` status that is not a return by the period's end. */
  cancelled: number;
  /** Of those, reached a return or complaint status by the period's end. */
  returned: number;
  cancellationRate: number;
  returnRate: number;
};

/**
 * Cancellation and return/complaint rates of the period's orders. A return status sits in a
 * `not_completed` group in the presets ("Zwrot"), yet a return is not a cancellation: it is
 * counted as a return only, so the two rates never count one order's single outcome twice.
 */
export async function loadRates(db: DbOrTx, input: AnalyticsFilters): Promise<Rates> {
  const filters = analyticsFiltersSchema.parse(input);
  const perOrder = db
    .select({
      cancelled: sql<boolean>`coalesce(bool_or(${statusGroups.kind} = 'not_completed' and not ${isReturnStatus()}), false)`.as("cancelled"),
      returned: sql<boolean>`coalesce(bool_or(${isReturnStatus()}), false)`.as("returned"),
    })
    .from(orders)
    .leftJoin(
      orderEvents,
      and(
        eq(orderEvents.orderId, orders.id),
        inArray(orderEvents.type, [...STATUS_ENTRY_TYPES]),
        lt(orderEvents.createdAt, periodEnd(filters)),
      ),
    )
    .leftJoin(statuses, eq(statuses.id, orderEvents.toStatusId))
    .leftJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(cohortConditions(filters))
    .groupBy(orders.id)
    .as("per_order");
  const [row] = await db
    .select({
      cohort: sql<number>`count(*)::int`,
      cancelled: sql<number>`count(*) filter (where ${perOrder.cancelled})::int`,
      returned: sql<number>`count(*) filter (where ${perOrder.returned})::int`,
    })
    .from(perOrder);
  const cohort = Number(row?.cohort ?? 0);
  const cancelled = Number(row?.cancelled ?? 0);
  const returned = Number(row?.returned ?? 0);
  return {
    cohort,
    cancelled,
    returned,
    cancellationRate: cohort ? cancelled / cohort : 0,
    returnRate: cohort ? returned / cohort : 0,
  };
}
