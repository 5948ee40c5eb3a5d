import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, statuses, statusGroups } from "@/db/schema";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { OPEN_KINDS, orderIdInScope, periodEnd, periodStart, STATUS_ENTRY_TYPES, statusIdsWhere } from "./scope";
import { withoutJit } from "./without-jit";

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
  medianSeconds: number;
  p90Seconds: number;
  /** Stays longer than the status's SLA; 0 when it has none. */
  slaBreaches: number;
};

/**
 * How long orders wait in each open status (group kinds `new` and `in_progress`; terminal
 * statuses are where orders rest, not wait). A stay starts with the event that put the order in
 * the status (`created` or `status_changed`) and lasts until the order's next such event, or
 * until `now` while it is still there. A stay belongs to the period it began in; an open stay
 * counts with the time it has waited so far, so a status where orders pile up is not made to look
 * fast by leaving its slowest stays out (docs/adr/0059).
 */
export async function loadTimeInStatus(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { now?: Date } = {},
): Promise<TimeInStatus[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const now = (options.now ?? new Date()).toISOString();
  // A stay ends at the order's next status event. Every such event comes after the stay began, so
  // the status events from the period's start on hold all of them. The status-history index keeps
  // them in (order, time, id) order, which is LEAD's order: the window reads each once, unsorted.
  const stays = db.$with("stays").as(
    db
      .select({
        statusId: sql<number>`${orderEvents.toStatusId}`.as("status_id"),
        enteredAt: sql<Date>`${orderEvents.createdAt}`.as("entered_at"),
        leftAt: sql<Date | null>`lead(${orderEvents.createdAt}) over (partition by ${orderEvents.orderId} order by ${orderEvents.createdAt}, ${orderEvents.id})`.as("left_at"),
      })
      .from(orderEvents)
      .where(
        and(
          inArray(orderEvents.type, [...STATUS_ENTRY_TYPES]),
          gte(orderEvents.createdAt, periodStart(filters)),
          ...orderIdInScope(filters, orderEvents.orderId),
        ),
      ),
  );
  // Each stay reduced to what the figures need, so the sort that groups them by status stays
  // narrow (names and positions join the few result rows afterwards).
  const seconds = sql<number>`extract(epoch from coalesce(${stays.leftAt}, ${now}::timestamptz) - ${stays.enteredAt})::float8`;
  const timed = db.$with("timed").as(
    db
      .select({
        statusId: sql<number>`${stays.statusId}`.as("timed_status_id"),
        seconds: seconds.as("seconds"),
        open: sql<boolean>`${stays.leftAt} is null`.as("open"),
        overSla: sql<boolean>`coalesce(${seconds} > ${statuses.slaHours} * 3600, false)`.as("over_sla"),
      })
      .from(stays)
      .innerJoin(statuses, eq(statuses.id, stays.statusId))
      .where(and(lt(stays.enteredAt, periodEnd(filters)), sql`${stays.statusId} = any(${statusIdsWhere(inArray(statusGroups.kind, [...OPEN_KINDS]))})`)),
  );
  const perStatus = db
    .with(stays, timed)
    .select({
      statusId: timed.statusId,
      stays: sql<number>`count(*)::int`.as("stays"),
      open: sql<number>`count(*) filter (where ${timed.open})::int`.as("open_stays"),
      medianSeconds: sql<number>`percentile_cont(0.5) within group (order by ${timed.seconds})`.as("median_seconds"),
      p90Seconds: sql<number>`percentile_cont(0.9) within group (order by ${timed.seconds})`.as("p90_seconds"),
      slaBreaches: sql<number>`count(*) filter (where ${timed.overSla})::int`.as("sla_breaches"),
    })
    .from(timed)
    .groupBy(timed.statusId)
    .as("per_status");
  const rows = await withoutJit(db, (tx) =>
    tx
      .select({
        statusId: statuses.id,
        code: statuses.code,
        name: statuses.name,
        groupName: statusGroups.name,
        slaHours: statuses.slaHours,
        stays: perStatus.stays,
        open: perStatus.open,
        medianSeconds: perStatus.medianSeconds,
        p90Seconds: perStatus.p90Seconds,
        slaBreaches: perStatus.slaBreaches,
      })
      .from(perStatus)
      .innerJoin(statuses, eq(statuses.id, perStatus.statusId))
      .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
      .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id)),
  );
  return rows.map((r) => ({
    ...r,
    stays: Number(r.stays),
    open: Number(r.open),
    medianSeconds: Number(r.medianSeconds),
    p90Seconds: Number(r.p90Seconds),
    slaBreaches: Number(r.slaBreaches),
  }));
}
