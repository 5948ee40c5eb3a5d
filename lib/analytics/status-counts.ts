import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { analyticsRollupAll, statuses, statusGroups, type StatusGroupKind } from "@/db/schema";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { rollupScope } from "./scope";

/** `day` of the rollup rows that count the orders in each status now. */
const NOW_DAY = "2000-01-01";

export type StatusCount = {
  statusId: number;
  code: string;
  name: string;
  groupId: number;
  groupName: string;
  kind: StatusGroupKind;
  orders: number;
};

export type GroupCount = { groupId: number; name: string; kind: StatusGroupKind; orders: number };

/**
 * Where orders are now: how many sit in each status, in board order. A snapshot, so the period
 * does not apply; the order type and channel do. Read from the rollups' counts per status, type
 * and channel, which every status change keeps.
 */
export async function countOrdersByStatus(db: DbOrTx, input: AnalyticsFilters): Promise<StatusCount[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const perStatus = db
    .select({ statusId: analyticsRollupAll.statusId, orders: sql<number>`sum(${analyticsRollupAll.n})::int`.as("orders") })
    .from(analyticsRollupAll)
    .where(and(eq(analyticsRollupAll.figure, "now"), eq(analyticsRollupAll.day, NOW_DAY), ...rollupScope(filters)))
    .groupBy(analyticsRollupAll.statusId)
    .having(sql`sum(${analyticsRollupAll.n}) <> 0`)
    .as("per_status");
  const rows = await db
    .select({
      statusId: statuses.id,
      code: statuses.code,
      name: statuses.name,
      groupId: statusGroups.id,
      groupName: statusGroups.name,
      kind: statusGroups.kind,
      orders: perStatus.orders,
    })
    .from(perStatus)
    .innerJoin(statuses, eq(statuses.id, perStatus.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id));
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }));
}

/** The per-status counts summed per group, groups in the order they came (board order). */
export function sumByGroup(rows: readonly StatusCount[]): GroupCount[] {
  const groups = new Map<number, GroupCount>();
  for (const row of rows) {
    const group = groups.get(row.groupId) ?? { groupId: row.groupId, name: row.groupName, kind: row.kind, orders: 0 };
    group.orders += row.orders;
    groups.set(row.groupId, group);
  }
  return [...groups.values()];
}
