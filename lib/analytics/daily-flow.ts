import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { analyticsRollupAll } from "@/db/schema";
import { analyticsFiltersSchema, daysOf, type AnalyticsFilters } from "./filters";
import { rollupRowsOf } from "./scope";

export type DailyFlow = { day: string; entered: number; completed: number };

/**
 * Orders entered (created) and completed (entered a status whose group kind is `completed`) on
 * each day of the period, in the shop's time zone. Every day is listed, quiet ones as zeros. An
 * order completed twice on one day (completed, reopened, completed) counts once that day. Read
 * from the rollups: a row per day and type and channel, whatever the number of orders.
 */
export async function loadDailyFlow(db: DbOrTx, input: AnalyticsFilters): Promise<DailyFlow[]> {
  const filters = analyticsFiltersSchema.parse(input);
  const rows = await db
    .select({ figure: analyticsRollupAll.figure, day: analyticsRollupAll.day, n: sql<number>`sum(${analyticsRollupAll.n})::int` })
    .from(analyticsRollupAll)
    .where(rollupRowsOf(inArray(analyticsRollupAll.figure, ["created", "completed"]), filters))
    .groupBy(analyticsRollupAll.figure, analyticsRollupAll.day);
  const count = (figure: string) => new Map(rows.filter((r) => r.figure === figure).map((r) => [r.day, Number(r.n)]));
  const entered = count("created");
  const completed = count("completed");
  return daysOf(filters).map((day) => ({ day, entered: entered.get(day) ?? 0, completed: completed.get(day) ?? 0 }));
}
