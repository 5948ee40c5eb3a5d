import { z } from "zod";

/** Analytics count days as the shop does: in Polish time, whatever the server's zone. */
export const ANALYTICS_TIME_ZONE = "Europe/Warsaw";

/*
 * Each refusal's message is a key of the catalogue's `analytics.filters.errors`: the page words
 * it in the reader's language.
 */

/** The longest period one page may ask for: a year of days keeps every figure's work bounded. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "notCalendarDate");

/**
 * What every analytics figure is computed for: a period of whole days (both ends included, in
 * the shop's time zone), optionally one order type (by code) and one sales channel.
 */
export const analyticsFiltersSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    orderType: z.string().trim().min(1).max(64).optional(),
    channel: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((f, ctx) => {
    const days = daysBetween(f.from, f.to) + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "endBeforeStart" });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "periodTooLong" });
  });

export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

/** How long an order may sit without any event before the stuck list shows it. */
export const idleDaysSchema = z.coerce.number().int().min(1).max(365);
export const DEFAULT_IDLE_DAYS = 3;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day of the period, in order ("2026-01-30", "2026-01-31", ...). */
export function daysOf(filters: Pick<AnalyticsFilters, "from" | "to">): string[] {
  const start = Date.parse(`${filters.from}T00:00:00Z`);
  const count = daysBetween(filters.from, filters.to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** Today's calendar date in the shop's time zone. */
export function shopToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: ANALYTICS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
