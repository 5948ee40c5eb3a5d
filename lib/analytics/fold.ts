import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";

/**
 * Moves the status changes' counts waiting in `analytics_rollup_pending` into `analytics_rollup`
 * (ADR 0157): the figures read both, so this changes no figure; it keeps what they read a few
 * rows a day. The worker loop runs it every few seconds. Returns how many rows it moved.
 */
export async function foldAnalyticsRollups(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ moved: number }>(sql`select analytics_fold() as moved`);
  const rows = rowsOf<{ moved: number }>(result);
  return Number(rows[0]?.moved ?? 0);
}
