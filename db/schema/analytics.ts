import { bigint, date, index, integer, pgTable, pgView, primaryKey, text } from "drizzle-orm/pg-core";
import { statuses } from "./workflow";

/** The columns of the rollups and of the changes waiting to be folded into them. */
const rollupColumns = () => ({
  figure: text().notNull(),
  day: date().notNull(),
  orderTypeId: integer().notNull(),
  channel: text().notNull(),
  statusId: integer().notNull().default(0),
  detail: integer().notNull().default(0),
  n: integer().notNull().default(0),
  micros: bigint({ mode: "number" }).notNull().default(0),
});

/**
 * The analytics page's figures kept per shop day (ADR 0157), so that a period's figures read a
 * few rows a day instead of the history. Not written by the application: triggers of migration
 * analytics_rollups add each change's counts to `analytics_rollup_pending` (every insert, change
 * or delete of `orders` and of the status entries of `order_events`, whatever wrote it) in the
 * writing transaction, and `analytics_fold()` (the worker, every few seconds) moves them in here;
 * `analytics_add_orders` fills it from the history (the migration, the demo seed, a rebuild when
 * what a status counts as changes). The figures read it through `analyticsRollupAll`.
 *
 * One table for every figure, a row per key: `figure` says what `n` counts, and what `status_id`
 * (0: none) and `detail` (0: none) mean for it:
 * - `created`: orders created on `day` (their `created_at`).
 * - `now`: orders now in status `status_id` (`day` is always 2000-01-01).
 * - `completed`: orders that entered a status of the `completed` kind on `day`, once an order a day.
 * - `entries` / `exits`: stays in `status_id` that began / ended on `day`.
 * - `closed`: stays that began on `day` and have ended, by duration bucket `detail`
 *   (`analytics_bucket`); `micros` sums their durations (time spent).
 * - `over_sla`: of those, the stays longer than the status's SLA.
 * - `open`: stays that began on `day` and still go on, by the hour they began (`detail`, hours
 *   since 1970 in UTC).
 * - `reached:<category>`: orders created on `day` that first entered a status of the category
 *   (`new`, `in_progress`, `completed`, `not_completed`, `cancelled`, `returned`) on day
 *   `detail` (days since 2000-01-01).
 */
export const analyticsRollup = pgTable("analytics_rollup", rollupColumns(), (t) => [
  primaryKey({ name: "analytics_rollup_pk", columns: [t.figure, t.day, t.orderTypeId, t.channel, t.statusId, t.detail] }),
]);


/**
 * Each change's counts, as the triggers wrote them: plain inserts, so changes made at once never
 * wait for each other on a shared row of `analytics_rollup` (ADR 0157). Folded into it by
 * `analytics_fold()`; until then read with it through `analyticsRollupAll`.
 */
export const analyticsRollupPending = pgTable("analytics_rollup_pending", rollupColumns(), (t) => [
  index("analytics_rollup_pending_idx").on(t.figure, t.day),
]);

/** `analytics_rollup` and `analytics_rollup_pending` together: what the figures read (a view of migration analytics_rollups). */
export const analyticsRollupAll = pgView("analytics_rollup_all", rollupColumns()).existing();

/**
 * What each status counts as for the rollups (`analytics_categories` of its code and its group's
 * kind and key): kept by triggers on statuses and status groups, so a status change's trigger looks
 * them up instead of matching the return pattern again.
 */
export const analyticsStatusCategories = pgTable(
  "analytics_status_categories",
  {
    statusId: integer()
      .notNull()
      .references(() => statuses.id, { onDelete: "cascade" }),
    category: text().notNull(),
  },
  (t) => [primaryKey({ name: "analytics_status_categories_pk", columns: [t.statusId, t.category] })],
);
