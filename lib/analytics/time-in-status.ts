import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statuses, statusGroups } from "@/db/schema";
import { analyticsFiltersSchema, type AnalyticsFilters } from "./filters";
import { orderScope, periodEnd, periodStart, STATUS_ENTRY_TYPES } from "./scope";

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
 * fast by leaving its slowest stays out (docs/decisions.md).
 */
export async function loadTimeInStatus(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { now?: Date } = {},
): Promise<TimeInStatus[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const now = (options.now ?? new Date()).toISOString();
  // A stay ends at the order's next status event. Every such event comes after the stay began, so
  // the status events from the period's start on hold all of them; LEAD reads each once, in one
  // pass over the (type, created_at) partial index, instead of a lookup per stay.
  const stays = db.$with("stays").as(
    db
      .select({
        statusId: sql<number>`${orderEvents.toStatusId}`.as("status_id"),
        enteredAt: sql<Date>`${orderEvents.createdAt}`.as("entered_at"),
        leftAt: sql<Date | null>`lead(${orderEvents.createdAt}) over (partition by ${orderEvents.orderId} order by ${orderEvents.createdAt}, ${orderEvents.id})`.as("left_at"),
      })
      .from(orderEvents)
      .innerJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(and(inArray(orderEvents.type, [...STATUS_ENTRY_TYPES]), gte(orderEvents.createdAt, periodStart(filters)), ...orderScope(filters))),
  );
  const seconds = sql<number>`extract(epoch from coalesce(${stays.leftAt}, ${now}::timestamptz) - ${stays.enteredAt})::float8`;
  const rows = await db
    .with(stays)
    .select({
      statusId: statuses.id,
      code: statuses.code,
      name: statuses.name,
      groupName: statusGroups.name,
      slaHours: statuses.slaHours,
      stays: sql<number>`count(*)::int`,
      open: sql<number>`count(*) filter (where ${stays.leftAt} is null)::int`,
      medianSeconds: sql<number>`percentile_cont(0.5) within group (order by ${seconds})`,
      p90Seconds: sql<number>`percentile_cont(0.9) within group (order by ${seconds})`,
      slaBreaches: sql<number>`count(*) filter (where ${seconds} > ${statuses.slaHours} * 3600)::int`,
    })
    .from(stays)
    .innerJoin(statuses, eq(statuses.id, stays.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(and(lt(stays.enteredAt, periodEnd(filters)), inArray(statusGroups.kind, ["new", "in_progress"])))
    .groupBy(statuses.id, statusGroups.id)
    .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id));
  return rows.map((r) => ({
    ...r,
    stays: Number(r.stays),
    open: Number(r.open),
    medianSeconds: Number(r.medianSeconds),
    p90Seconds: Number(r.p90Seconds),
    slaBreaches: Number(r.slaBreaches),
  }));
}
