import { and, count, countDistinct, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statuses, statusGroups, statusGroupKind, type StatusGroupKind } from "@/db/schema";
import { cohortConditions } from "./cohort";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { periodEnd, STATUS_ENTRY_TYPES } from "./scope";

export type FunnelStep = { kind: StatusGroupKind; orders: number; share: number };
export type Funnel = { cohort: number; steps: FunnelStep[] };

/**
 * How far the period's orders got through the group kinds: of the orders created in the period,
 * how many reached a status of each kind (new, in progress, completed, not completed) before the
 * period ended. An order counts once per kind however often it came back.
 */
export async function loadFunnel(db: DbOrTx, input: AnalyticsFilters): Promise<Funnel> {
  const filters = analyticsFiltersSchema.parse(input);
  const [[cohort], reached] = await Promise.all([
    db.select({ n: count() }).from(orders).where(cohortConditions(filters)),
    db
      .select({ kind: statusGroups.kind, n: countDistinct(orderEvents.orderId) })
      .from(orders)
      .innerJoin(
        orderEvents,
        and(
          eq(orderEvents.orderId, orders.id),
          inArray(orderEvents.type, [...STATUS_ENTRY_TYPES]),
          lt(orderEvents.createdAt, periodEnd(filters)),
        ),
      )
      .innerJoin(statuses, eq(statuses.id, orderEvents.toStatusId))
      .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
      .where(cohortConditions(filters))
      .groupBy(statusGroups.kind),
  ]);
  const total = Number(cohort?.n ?? 0);
  const byKind = new Map(reached.map((r) => [r.kind, Number(r.n)]));
  return {
    cohort: total,
    steps: statusGroupKind.enumValues.map((kind) => {
      const n = byKind.get(kind) ?? 0;
      return { kind, orders: n, share: total ? n / total : 0 };
    }),
  };
}
