import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { analyticsRollupAll, orders, statuses, statusGroups } from "@/db/schema";
import { bucketOf, percentileOfBuckets } from "./duration-buckets";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { OPEN_KINDS, orderScope, rollupRowsOf } from "./scope";

export type TimeInStatus = {
  statusId: number;
  code: string;
  name: string;
  groupName: string;
  slaHours: number | null;
  /** Stays that began in the period. */
  stays: number;
  /** Of those, still going now (measured until `now`). */
  open: number;
  /** Read from duration buckets: within the bucket of the true figure (about 9 %, ADR 0157). */
  medianSeconds: number;
  p90Seconds: number;
  /** Stays longer than the status's SLA; 0 when it has none. */
  slaBreaches: number;
};

const HOUR_MS = 3_600_000;

/**
 * How long orders wait in each open status (group kinds `new` and `in_progress`; terminal
 * statuses are where orders rest, not wait). A stay starts with the event that put the order in
 * the status (`created` or `status_changed`) and lasts until the order's next such event, or
 * until `now` while it is still there. A stay belongs to the period it began in; an open stay
 * counts with the time it has waited so far, so a status where orders pile up is not made to look
 * fast by leaving its slowest stays out (docs/adr/0059).
 *
 * From the rollups (ADR 0157): per day of the period, the stays begun, the ended ones by duration
 * bucket and over the SLA, and the open ones by the hour they began. An open stay's duration is
 * taken from the middle of its hour; whether it is over the SLA is exact: the hour the SLA's
 * limit falls in is counted from the orders themselves.
 */
export async function loadTimeInStatus(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { now?: Date } = {},
): Promise<TimeInStatus[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const now = (options.now ?? new Date()).getTime();
  const [waiting, rows] = await Promise.all([
    db
      .select({
        statusId: statuses.id,
        code: statuses.code,
        name: statuses.name,
        groupName: statusGroups.name,
        slaHours: statuses.slaHours,
      })
      .from(statuses)
      .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
      .where(inArray(statusGroups.kind, [...OPEN_KINDS]))
      .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id)),
    db
      .select({
        figure: analyticsRollupAll.figure,
        statusId: analyticsRollupAll.statusId,
        detail: analyticsRollupAll.detail,
        n: sql<number>`sum(${analyticsRollupAll.n})::int`,
      })
      .from(analyticsRollupAll)
      .where(rollupRowsOf(inArray(analyticsRollupAll.figure, ["entries", "closed", "over_sla", "open"]), filters))
      .groupBy(analyticsRollupAll.figure, analyticsRollupAll.statusId, analyticsRollupAll.detail)
      .having(sql`sum(${analyticsRollupAll.n}) <> 0`),
  ]);
  const boundaries = await openStaysAtSlaLimit(db, filters, now, waiting, rows);
  const result: TimeInStatus[] = [];
  for (const status of waiting) {
    const mine = rows.filter((r) => r.statusId === status.statusId);
    const sum = (figure: string) => mine.filter((r) => r.figure === figure).reduce((total, r) => total + Number(r.n), 0);
    const stays = sum("entries");
    if (stays === 0) continue;
    const buckets = new Map<number, number>();
    const add = (bucket: number, n: number) => buckets.set(bucket, (buckets.get(bucket) ?? 0) + n);
    let openBreaches = boundaries.get(status.statusId) ?? 0;
    const limitHour = status.slaHours === null ? null : Math.floor((now - status.slaHours * HOUR_MS) / HOUR_MS);
    for (const r of mine) {
      if (r.figure === "closed") add(r.detail, Number(r.n));
      if (r.figure !== "open") continue;
      // The middle of the hour's stays: of [began, began + 1 h), or of [began, now) for this hour's.
      const began = r.detail * HOUR_MS;
      add(bucketOf((now - (began + Math.min(began + HOUR_MS, now)) / 2) / 1000), Number(r.n));
      if (limitHour !== null && r.detail < limitHour) openBreaches += Number(r.n);
    }
    result.push({
      ...status,
      stays,
      open: sum("open"),
      medianSeconds: percentileOfBuckets(buckets, 0.5),
      p90Seconds: percentileOfBuckets(buckets, 0.9),
      slaBreaches: status.slaHours === null ? 0 : sum("over_sla") + openBreaches,
    });
  }
  return result;
}

type RollupRow = { figure: string; statusId: number; detail: number; n: number };

/**
 * For each status with an SLA, the open stays of the period that began in the hour its limit
 * falls in (now − SLA) and before the limit: the rollups know that hour's stays only as a count,
 * so the orders sitting in the status since then are counted one by one — an hour's orders.
 */
async function openStaysAtSlaLimit(
  db: DbOrTx,
  filters: AnalyticsFilters,
  now: number,
  waiting: { statusId: number; slaHours: number | null }[],
  rows: RollupRow[],
): Promise<Map<number, number>> {
  const limits = waiting.flatMap((s) => {
    if (s.slaHours === null) return [];
    const limit = now - s.slaHours * HOUR_MS;
    const hour = Math.floor(limit / HOUR_MS);
    const counted = rows.some((r) => r.figure === "open" && r.statusId === s.statusId && r.detail === hour);
    return counted ? [{ statusId: s.statusId, from: new Date(hour * HOUR_MS), until: new Date(limit) }] : [];
  });
  const counts = await Promise.all(
    limits.map(async (l) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(and(eq(orders.statusId, l.statusId), gte(orders.statusChangedAt, l.from), lt(orders.statusChangedAt, l.until), ...orderScope(filters)));
      return [l.statusId, Number(row?.n ?? 0)] as const;
    }),
  );
  return new Map(counts);
}
