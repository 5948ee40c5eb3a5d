import { and, asc, count, eq, gte, inArray, lt, not, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { orderEvents, orders, orderTypes, statuses, statusGroups, statusGroupKind } from "@/db/schema";
import type { DailyFlow, Funnel, Rates, StatusCount, StuckOrder, TimeInStatus } from "@/lib/analytics";
import { ANALYTICS_TIME_ZONE, analyticsFiltersSchema, daysOf, idleDaysSchema, type AnalyticsFilters } from "@/lib/analytics/filters";
import { OPEN_KINDS, orderScope, RETURN_PATTERN } from "@/lib/analytics/scope";

/*
 * Test support: the analytics figures as a scan of the whole history, the way the page computed
 * them before the rollups (ADR 0157). Not shipped: the tests hold every figure the rollups give
 * to these after random changes. Stays for time in status are returned whole (`fullScanStays`),
 * so a test can check the rollups' counts exactly and their percentiles against the true ones.
 */

const STATUS_ENTRY_TYPES = ["created", "status_changed"] as const;
const ZONE = sql.raw(`'${ANALYTICS_TIME_ZONE}'`);

function periodStart(filters: AnalyticsFilters): SQL {
  return sql`((${filters.from}::date)::timestamp at time zone ${ZONE})`;
}

function periodEnd(filters: AnalyticsFilters): SQL {
  return sql`((${filters.to}::date + 1)::timestamp at time zone ${ZONE})`;
}

function shopDay(column: SQL | typeof orders.createdAt): SQL<string> {
  return sql<string>`to_char(${column} at time zone ${ZONE}, 'YYYY-MM-DD')`;
}

function orderIdInScope(filters: AnalyticsFilters, orderId: SQL | AnyPgColumn): SQL[] {
  const scope = orderScope(filters);
  return scope.length ? [sql`${orderId} in (select ${orders.id} from ${orders} where ${and(...scope)})`] : [];
}

function statusIdsWhere(condition: SQL | undefined): SQL<number[]> {
  return sql<number[]>`array(select ${statuses.id} from ${statuses} inner join ${statusGroups} on ${statusGroups.id} = ${statuses.groupId} where ${condition ?? sql`true`})`;
}

function isReturnStatus(): SQL<boolean> {
  return sql<boolean>`(${statuses.code} ~* ${RETURN_PATTERN} or ${statusGroups.key} ~* ${RETURN_PATTERN})`;
}

function cohortConditions(filters: AnalyticsFilters): SQL | undefined {
  return and(gte(orders.createdAt, periodStart(filters)), lt(orders.createdAt, periodEnd(filters)), ...orderScope(filters));
}

function reachedBeforeEnd(filters: AnalyticsFilters, statusCondition: SQL | undefined): SQL<boolean> {
  return sql<boolean>`exists (select 1 from order_events e where e.order_id = ${orders.id} and e.type in ('created', 'status_changed') and e.created_at < ${periodEnd(filters)} and e.to_status_id = any(${statusIdsWhere(statusCondition)}))`;
}

export async function fullScanStatusCounts(db: DbOrTx, input: AnalyticsFilters): Promise<StatusCount[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const perStatus = db
    .select({ statusId: orders.statusId, orders: count().as("orders") })
    .from(orders)
    .where(and(...orderScope(filters)))
    .groupBy(orders.statusId)
    .as("per_status");
  return db
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
}


export async function fullScanDailyFlow(db: DbOrTx, input: AnalyticsFilters): Promise<DailyFlow[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const enteredDay = shopDay(orders.createdAt);
  const completedDay = shopDay(sql`${orderEvents.createdAt}`);
  // Two queries side by side; only the history one can cost enough for Postgres to JIT-compile it.
  const [entered, completed] = await Promise.all([
    db
      .select({ day: enteredDay, n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(gte(orders.createdAt, periodStart(filters)), lt(orders.createdAt, periodEnd(filters)), ...orderScope(filters)))
      .groupBy(enteredDay),
    db
        .select({ day: completedDay, n: sql<number>`count(distinct ${orderEvents.orderId})::int` })
        .from(orderEvents)
        // The period's status entries by time from their index, the completing ones picked by id.
        .where(
          and(
            inArray(orderEvents.type, [...STATUS_ENTRY_TYPES]),
            gte(orderEvents.createdAt, periodStart(filters)),
            lt(orderEvents.createdAt, periodEnd(filters)),
            sql`${orderEvents.toStatusId} = any(${statusIdsWhere(eq(statusGroups.kind, "completed"))})`,
            ...orderIdInScope(filters, orderEvents.orderId),
          ),
        )
        .groupBy(completedDay),
  ]);
  const enteredBy = new Map(entered.map((r) => [r.day, Number(r.n)]));
  const completedBy = new Map(completed.map((r) => [r.day, Number(r.n)]));
  return daysOf(filters).map((day) => ({ day, entered: enteredBy.get(day) ?? 0, completed: completedBy.get(day) ?? 0 }));
}

export async function fullScanTimeInStatus(
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
  const rows = await db
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

export async function fullScanFunnel(db: DbOrTx, input: AnalyticsFilters): Promise<Funnel> {
  const filters = analyticsFiltersSchema.parse(input);
  const kinds = statusGroupKind.enumValues;
  const [row] = await db
      .select({
        cohort: sql<number>`count(*)::int`,
        ...Object.fromEntries(kinds.map((kind) => [kind, sql<number>`count(*) filter (where ${reachedBeforeEnd(filters, eq(statusGroups.kind, kind))})::int`])),
      })
      .from(orders)
      .where(cohortConditions(filters));
  const total = Number(row?.cohort ?? 0);
  return {
    cohort: total,
    steps: kinds.map((kind) => {
      const n = Number((row as Record<string, unknown> | undefined)?.[kind] ?? 0);
      return { kind, orders: n, share: total ? n / total : 0 };
    }),
  };
}

export async function fullScanRates(db: DbOrTx, input: AnalyticsFilters): Promise<Rates> {
  const filters = analyticsFiltersSchema.parse(input);
  const reachedCancellation = reachedBeforeEnd(filters, and(eq(statusGroups.kind, "not_completed"), not(isReturnStatus())));
  const reachedReturn = reachedBeforeEnd(filters, isReturnStatus());
  const [row] = await db
      .select({
        cohort: sql<number>`count(*)::int`,
        cancelled: sql<number>`count(*) filter (where ${reachedCancellation})::int`,
        returned: sql<number>`count(*) filter (where ${reachedReturn})::int`,
      })
      .from(orders)
      .where(cohortConditions(filters));
  const cohort = Number(row?.cohort ?? 0);
  const cancelled = Number(row?.cancelled ?? 0);
  const returned = Number(row?.returned ?? 0);
  return {
    cohort,
    cancelled,
    returned,
    cancellationRate: cohort ? cancelled / cohort : 0,
    returnRate: cohort ? returned / cohort : 0,
  };
}

/** Every stuck order, the way the page listed and counted them before the count was capped. */
export async function fullScanStuckOrders(
  db: DbOrTx,
  input: AnalyticsFilters,
  options: { idleDays: number; now?: Date; limit?: number },
): Promise<{ total: number; rows: StuckOrder[] }> {
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
    .limit(options.limit ?? 10_000);
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

/**
 * Keys where the rollups (folded and waiting) differ from the sum of every order's figures worked out afresh from its
 * row and history (`analytics_figures`, what the rebuild writes): 0 when every trigger kept
 * them right.
 */
export async function rollupDrift(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ drift: number }>(sql`
    with kept as (
      select figure, day, order_type_id, channel, status_id, detail, sum(n)::integer as n, sum(micros)::bigint as micros
      from analytics_rollup_all group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0 or sum(micros) <> 0
    ), fresh as (
      select f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, sum(f.n)::integer as n, sum(f.micros)::bigint as micros
      from orders o, analytics_figures(array[analytics_order_of(o)], analytics_history(o.id)) f
      group by 1, 2, 3, 4, 5, 6
      having sum(f.n) <> 0 or sum(f.micros) <> 0
    )
    select count(*)::int as drift from ((select * from kept except all select * from fresh) union all (select * from fresh except all select * from kept)) d`);
  const rows = rowsOf<{ drift: number }>(result);
  return Number(rows[0]?.drift ?? 0);
}
