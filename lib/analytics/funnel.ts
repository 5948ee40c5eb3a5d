import type { DbOrTx } from "@/db";
import { statusGroupKind, type StatusGroupKind } from "@/db/schema";
import { loadCohortReach } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";

export type FunnelStep = { kind: StatusGroupKind; orders: number; share: number };
export type Funnel = { cohort: number; steps: FunnelStep[] };

/**
 * How far the period's orders got through the group kinds: of the orders created in the period,
 * how many reached a status of each kind (new, in progress, completed, not completed) before the
 * period ended. An order counts once per kind however often it came back.
 */
export async function loadFunnel(db: DbOrTx, input: AnalyticsFilters): Promise<Funnel> {
  const filters = analyticsFiltersSchema.parse(input);
  const { cohort, reached } = await loadCohortReach(db, filters);
  return {
    cohort,
    steps: statusGroupKind.enumValues.map((kind) => ({ kind, orders: reached[kind], share: cohort ? reached[kind] / cohort : 0 })),
  };
}
