import { and, eq, not, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, statusGroups } from "@/db/schema";
import { cohortConditions, reachedBeforeEnd } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { isReturnStatus } from "./scope";
import { withoutJit } from "./without-jit";

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
  const reachedCancellation = reachedBeforeEnd(filters, and(eq(statusGroups.kind, "not_completed"), not(isReturnStatus())));
  const reachedReturn = reachedBeforeEnd(filters, isReturnStatus());
  const [row] = await withoutJit(db, (tx) =>
    tx
      .select({
        cohort: sql<number>`count(*)::int`,
        cancelled: sql<number>`count(*) filter (where ${reachedCancellation})::int`,
        returned: sql<number>`count(*) filter (where ${reachedReturn})::int`,
      })
      .from(orders)
      .where(cohortConditions(filters)),
  );
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
