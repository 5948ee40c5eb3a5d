import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { analyticsRollupAll } from "@/db/schema";
import { daysBetween, type AnalyticsFilters } from "./filters";
import { rollupRowsOf } from "./scope";

/*
 * The funnel and the rates follow a cohort: the orders created in the period (and matching the
 * filters), and where they got to by the period's end. A cohort keeps every rate between 0 and 1
 * and lets a past period's figures stay put as later history is written.
 */

/** What an order can reach: its group kinds, and returns and cancellations (see `analytics_categories`). */
const CATEGORIES = ["new", "in_progress", "completed", "not_completed", "cancelled", "returned"] as const;
export type Category = (typeof CATEGORIES)[number];

export type CohortReach = { cohort: number; reached: Record<Category, number> };

/** `detail` of a `reached:` rollup row: the day it was first reached, as days since this one. */
const REACHED_EPOCH = "2000-01-01";

/**
 * The period's orders and, per category, how many of them first entered one of its statuses by
 * the period's end: the rollups keep each order's first day in each category, by creation day.
 */
export async function loadCohortReach(db: DbOrTx, filters: AnalyticsFilters): Promise<CohortReach> {
  const lastDay = daysBetween(REACHED_EPOCH, filters.to);
  const reached = CATEGORIES.map((c) => `reached:${c}`);
  const rows = await db
    .select({ figure: analyticsRollupAll.figure, n: sql<number>`sum(${analyticsRollupAll.n})::int` })
    .from(analyticsRollupAll)
    // The figures by name, so the key's first column bounds what is read.
    .where(
      rollupRowsOf(
        or(eq(analyticsRollupAll.figure, "created"), and(inArray(analyticsRollupAll.figure, reached), lte(analyticsRollupAll.detail, lastDay))),
        filters,
      ),
    )
    .groupBy(analyticsRollupAll.figure);
  const of = (figure: string) => Number(rows.find((r) => r.figure === figure)?.n ?? 0);
  const categories = CATEGORIES;
  return {
    cohort: of("created"),
    reached: Object.fromEntries(categories.map((c) => [c, of(`reached:${c}`)])) as Record<Category, number>,
  };
}
