import { z } from "zod";
import { addDays, analyticsFiltersSchema, DEFAULT_IDLE_DAYS, idleDaysSchema, shopToday, type AnalyticsFilters } from "./filters";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";
import { textSearchParam } from "@/lib/url-params";

/** Period presets offered on the page: the last N days, today included. */
export const PERIOD_PRESETS = [
  { key: "7d", label: "Last 7 days", days: 7 },
  { key: "30d", label: "Last 30 days", days: 30 },
  { key: "90d", label: "Last 90 days", days: 90 },
  { key: "365d", label: "Last 365 days", days: 365 },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]["key"] | "custom";
export const DEFAULT_PERIOD: PeriodPreset = "30d";

/** The analytics page's URL, loosely: anything unreadable falls back to the defaults. */
export const analyticsSearchSchema = z.object({
  period: z.enum(["7d", "30d", "90d", "365d", "custom"]).optional().catch(undefined),
  from: textSearchParam,
  to: textSearchParam,
  type: textSearchParam,
  channel: textSearchParam,
  idle: textSearchParam,
});
export type AnalyticsSearch = z.infer<typeof analyticsSearchSchema>;

export type ResolvedSearch = {
  period: PeriodPreset;
  filters: AnalyticsFilters;
  idleDays: number;
  /** Why the custom dates were not used, field by field; the preset's dates are shown instead. */
  errors: FieldErrors;
};

/**
 * Turns the URL into figures' filters. A preset counts back from today in the shop's zone; custom
 * dates must be valid, or the page says why and shows the default period rather than failing.
 */
export function resolveSearch(raw: Record<string, string | string[] | undefined>, now: Date = new Date()): ResolvedSearch {
  const single = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = analyticsSearchSchema.parse(single);
  const today = shopToday(now);
  const base = { orderType: search.type || undefined, channel: search.channel || undefined };
  const idle = idleDaysSchema.safeParse(search.idle ?? DEFAULT_IDLE_DAYS);
  const idleDays = idle.success ? idle.data : DEFAULT_IDLE_DAYS;
  const errors: FieldErrors = idle.success || !search.idle ? {} : { idle: ["idleDays"] };

  const period: PeriodPreset = search.period ?? (search.from || search.to ? "custom" : DEFAULT_PERIOD);
  if (period === "custom") {
    const custom = analyticsFiltersSchema.safeParse({ ...base, from: search.from ?? "", to: search.to ?? "" });
    if (custom.success) return { period, filters: custom.data, idleDays, errors };
    Object.assign(errors, fieldErrorsOf(custom.error.issues));
  }
  const preset = PERIOD_PRESETS.find((p) => p.key === period) ?? PERIOD_PRESETS.find((p) => p.key === DEFAULT_PERIOD)!;
  const filters = analyticsFiltersSchema.parse({ ...base, from: addDays(today, 1 - preset.days), to: today });
  return { period: period === "custom" ? "custom" : preset.key, filters, idleDays, errors };
}

/** The query string that reproduces a view: for links, CSV downloads and the board filter. */
export function searchParamsOf(resolved: Pick<ResolvedSearch, "period" | "filters" | "idleDays">): URLSearchParams {
  const params = new URLSearchParams();
  params.set("period", resolved.period);
  if (resolved.period === "custom") {
    params.set("from", resolved.filters.from);
    params.set("to", resolved.filters.to);
  }
  if (resolved.filters.orderType) params.set("type", resolved.filters.orderType);
  if (resolved.filters.channel) params.set("channel", resolved.filters.channel);
  if (resolved.idleDays !== DEFAULT_IDLE_DAYS) params.set("idle", String(resolved.idleDays));
  return params;
}
