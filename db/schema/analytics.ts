import { bigint, date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * The analytics page's figures kept per shop day (ADR 0157), so that a period's figures read a
 * few rows a day instead of the history. Not written by the application: triggers of migration
 * analytics_rollups keep it from `orders` and the status entries of `order_events` (every insert,
 * change or delete, whatever wrote it), inside the writing transaction; `analytics_rebuild()`
 * fills it from the history (the migration, the demo seed, a change of what a status counts as).
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
export const analyticsRollup = pgTable(
  "analytics_rollup",
  {
    figure: text().notNull(),
    day: date().notNull(),
    orderTypeId: integer().notNull(),
    channel: text().notNull(),
    statusId: integer().notNull().default(0),
    detail: integer().notNull().default(0),
    n: integer().notNull().default(0),
    micros: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ name: "analytics_rollup_pk", columns: [t.figure, t.day, t.orderTypeId, t.channel, t.statusId, t.detail] })],
);
