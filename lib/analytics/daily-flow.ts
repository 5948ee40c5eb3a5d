import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, orders, statusGroups } from "@/db/schema";
import { analyticsFiltersSchema, daysOf, type AnalyticsFilters } from "./filters";
import { orderIdInScope, orderScope, periodEnd, periodStart, shopDay, STATUS_ENTRY_TYPES, statusIdsWhere } from "./scope";
import { withoutJit } from "./without-jit";

export type DailyFlow = { day: string; entered: number; completed: number };

/**
 * Orders entered (created) and completed (entered a status whose group kind is `completed`) on
 * each day of the period, in the shop's time zone. Every day is listed, quiet ones as zeros. An
 * order completed twice on one day (completed, reopened, completed) counts once that day.
 */
export async function loadDailyFlow(db: DbOrTx, input: AnalyticsFilters): Promise<DailyFlow[]> {
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
    withoutJit(db, (tx) =>
      tx
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
    ),
  ]);
  const enteredBy = new Map(entered.map((r) => [r.day, Number(r.n)]));
  const completedBy = new Map(completed.map((r) => [r.day, Number(r.n)]));
  return daysOf(filters).map((day) => ({ day, entered: enteredBy.get(day) ?? 0, completed: completedBy.get(day) ?? 0 }));
}
