import type { DbOrTx } from "@/db";
import { loadCohortReach } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";

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
  const { cohort, reached } = await loadCohortReach(db, filters);
  return {
    cohort,
    cancelled: reached.cancelled,
    returned: reached.returned,
    cancellationRate: cohort ? reached.cancelled / cohort : 0,
    returnRate: cohort ? reached.returned / cohort : 0,
  };
}
