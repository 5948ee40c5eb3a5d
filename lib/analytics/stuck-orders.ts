import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, orderTypes, statuses, statusGroups } from "@/db/schema";
import { analyticsFiltersSchema, idleDaysSchema, type AnalyticsFilters } from "./filters";
import { orderScope } from "./scope";

export const STUCK_LIST_LIMIT = 200;

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

export type StuckOrders = { total: number; rows: StuckOrder[] };

/**
 * Open orders (group kinds `new` and `in_progress`) that are over their status's SLA or have had
 * no history event for `idleDays`, longest-waiting first. A snapshot of now: the period does not
 * apply, the order type and channel do. At most `limit` rows; `total` counts them all.
 */
export async function loadStuckOrders(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { idleDays: number; now?: Date; limit?: number },
): Promise<StuckOrders> {
  const filters = analyticsFiltersSchema.parse(input);
  const idleDays = idleDaysSchema.parse(options.idleDays);
  const now = (options.now ?? new Date()).toISOString();
  const open = db.$with("open_orders").as(
    db
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
        // The newest event by the (order_id, id) index: one row read per open order.
        lastEventAt: sql<Date>`(select e.created_at from order_events e where e.order_id = ${orders.id} order by e.id desc limit 1)`.as("last_event_at"),
      })
      .from(orders)
      .innerJoin(statuses, eq(statuses.id, orders.statusId))
      .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
      .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
      // The open statuses first, as a list of ids: the planner then reads only their orders from
      // the (status_id, status_changed_at) index and looks up the last event of those alone.
      .where(
        and(
          inArray(
            orders.statusId,
            db
              .select({ id: statuses.id })
              .from(statuses)
              .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
              .where(inArray(statusGroups.kind, ["new", "in_progress"])),
          ),
          ...orderScope(filters),
        ),
      ),
  );
  const overSla = sql<boolean>`(${open.slaHours} is not null and ${open.statusChangedAt} < ${now}::timestamptz - make_interval(hours => ${open.slaHours}))`;
  const idle = sql<boolean>`(${open.lastEventAt} < ${now}::timestamptz - make_interval(days => ${idleDays}))`;
  const rows = await db
    .with(open)
    .select({
      orderId: open.orderId,
      number: open.number,
      orderTypeCode: open.orderTypeCode,
      orderTypeName: open.orderTypeName,
      channel: open.channel,
      statusCode: open.statusCode,
      statusName: open.statusName,
      statusColour: open.statusColour,
      slaHours: open.slaHours,
      statusChangedAt: open.statusChangedAt,
      lastEventAt: open.lastEventAt,
      overSla,
      idle,
      total: sql<number>`count(*) over ()`,
    })
    .from(open)
    .where(sql`${overSla} or ${idle}`)
    .orderBy(asc(open.statusChangedAt), asc(open.orderId))
    .limit(options.limit ?? STUCK_LIST_LIMIT);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map(({ total: _total, ...r }) => ({
      ...r,
      statusChangedAt: new Date(r.statusChangedAt),
      lastEventAt: new Date(r.lastEventAt),
      overSla: Boolean(r.overSla),
      idle: Boolean(r.idle),
    })),
  };
}
