import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, orderTypes, statuses, statusGroups } from "@/db/schema";
import { analyticsFiltersSchema, idleDaysSchema, type AnalyticsFilters } from "./filters";
import { orderScope } from "./scope";

/** The most stuck orders the page lists, and counts: past it, it says "200+". */
export const STUCK_LIST_LIMIT = 200;

/** The most stuck orders one CSV download lists. */
export const STUCK_CSV_LIMIT = 10_000;

export type StuckOrder = {
  orderId: number;
  number: string;
  orderTypeCode: string;
  orderTypeName: string;
  channel: string;
  statusCode: string;
  statusName: string;
  statusColour: string;
  slaHours: number | null;
  statusChangedAt: Date;
  lastEventAt: Date;
  /** Waiting in its status longer than the status's SLA. */
  overSla: boolean;
  /** No event of any kind (status, payment, tracking, comment, ...) for the idle days. */
  idle: boolean;
};

export type StuckOrders = {
  /** How many are stuck, counted up to the limit: `more` says there are others beyond it. */
  total: number;
  more: boolean;
  rows: StuckOrder[];
};

/**
 * Open orders (group kinds `new` and `in_progress`) that are over their status's SLA or have had
 * no history event for `idleDays`, longest-waiting first. A snapshot of now: the period does not
 * apply, the order type and channel do. At most `limit` rows, and counted no further (`more`
 * when there are others): the count of every stuck order would read every open order.
 *
 * Per open status, its orders are read oldest in the status first, from the (status, time in
 * status) index, among those old enough to be stuck at all (past the SLA, or in the status longer
 * than the idle days: a status change writes a history event, so an order idle for N days has
 * been in its status at least that long), until `limit` + 1 are found; the merge of those is the
 * answer. What it reads is bounded by the limit, not by the orders waiting.
 */
export async function loadStuckOrders(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { idleDays: number; now?: Date; limit?: number },
): Promise<StuckOrders> {
  const filters = analyticsFiltersSchema.parse(input);
  const idleDays = idleDaysSchema.parse(options.idleDays);
  const limit = options.limit ?? STUCK_LIST_LIMIT;
  const now = (options.now ?? new Date()).toISOString();
  const waiting = db
    .select({ id: sql<number>`${statuses.id}`.as("waiting_status_id"), slaHours: sql<number | null>`${statuses.slaHours}`.as("waiting_sla_hours") })
    .from(statuses)
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(inArray(statusGroups.kind, ["new", "in_progress"]))
    .as("waiting");
  // The newest event by the (order_id, id) index: one row read per order looked at.
  const lastEventAt = sql<Date>`(select e.created_at from order_events e where e.order_id = ${orders.id} order by e.id desc limit 1)`;
  const slaLimit = sql`${now}::timestamptz - make_interval(hours => ${waiting.slaHours})`;
  const idleLimit = sql`${now}::timestamptz - make_interval(days => ${idleDays})`;
  const overSla = sql<boolean>`(${waiting.slaHours} is not null and ${orders.statusChangedAt} < ${slaLimit})`;
  const idle = sql<boolean>`(${lastEventAt} < ${idleLimit})`;
  const stuck = db
    .select({
      orderId: sql<number>`${orders.id}`.as("order_id"),
      number: orders.number,
      orderTypeCode: sql<string>`${orderTypes.code}`.as("order_type_code"),
      orderTypeName: sql<string>`${orderTypes.name}`.as("order_type_name"),
      channel: orders.channel,
      statusCode: sql<string>`${statuses.code}`.as("status_code"),
      statusName: sql<string>`${statuses.name}`.as("status_name"),
      statusColour: sql<string>`${statuses.colour}`.as("status_colour"),
      slaHours: statuses.slaHours,
      statusChangedAt: orders.statusChangedAt,
      lastEventAt: lastEventAt.as("last_event_at"),
      overSla: overSla.as("over_sla"),
      idle: idle.as("idle"),
    })
    .from(orders)
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
    .where(
      and(
        sql`${orders.statusId} = ${waiting.id}`,
        lt(orders.statusChangedAt, sql`greatest(coalesce(${slaLimit}, '-infinity'), ${idleLimit})`),
        sql`(${overSla} or ${idle})`,
        ...orderScope(filters),
      ),
    )
    .orderBy(asc(orders.statusChangedAt), asc(orders.id))
    .limit(limit + 1)
    .as("stuck");
  const rows = await db
    .select({
      orderId: stuck.orderId,
      number: stuck.number,
      orderTypeCode: stuck.orderTypeCode,
      orderTypeName: stuck.orderTypeName,
      channel: stuck.channel,
      statusCode: stuck.statusCode,
      statusName: stuck.statusName,
      statusColour: stuck.statusColour,
      slaHours: stuck.slaHours,
      statusChangedAt: stuck.statusChangedAt,
      lastEventAt: stuck.lastEventAt,
      overSla: stuck.overSla,
      idle: stuck.idle,
    })
    .from(waiting)
    .crossJoinLateral(stuck)
    .orderBy(asc(stuck.statusChangedAt), asc(stuck.orderId))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  return {
    total: shown.length,
    more: rows.length > limit,
    rows: shown.map((r) => ({
      ...r,
      statusChangedAt: new Date(r.statusChangedAt),
      lastEventAt: new Date(r.lastEventAt),
      overSla: Boolean(r.overSla),
      idle: Boolean(r.idle),
    })),
  };
}
