import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, statusGroups, statusGroupKind, type StatusGroupKind } from "@/db/schema";
import { cohortConditions, reachedBeforeEnd } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { withoutJit } from "./without-jit";

export type FunnelStep = { kind: StatusGroupKind; orders: number; share: number };
export type Funnel = { cohort: number; steps: FunnelStep[] };

/**
 * How far the period's orders got through the group kinds: of the orders created in the period,
 * how many reached a status of each kind (new, in progress, completed, not completed) before the
 * period ended. An order counts once per kind however often it came back.
 */
export async function loadFunnel(db: DbOrTx, input: AnalyticsFilters): Promise<Funnel> {
  const filters = analyticsFiltersSchema.parse(input);
  const kinds = statusGroupKind.enumValues;
  const [row] = await withoutJit(db, (tx) =>
    tx
      .select({
        cohort: sql<number>`count(*)::int`,
        ...Object.fromEntries(kinds.map((kind) => [kind, sql<number>`count(*) filter (where ${reachedBeforeEnd(filters, eq(statusGroups.kind, kind))})::int`])),
      })
      .from(orders)
      .where(cohortConditions(filters)),
  );
  const total = Number(row?.cohort ?? 0);
  return {
    cohort: total,
    steps: kinds.map((kind) => {
      const n = Number((row as Record<string, unknown> | undefined)?.[kind] ?? 0);
      return { kind, orders: n, share: total ? n / total : 0 };
    }),
  };
}
