import type { DbOrTx } from "@/db";
import type { CsvTable } from "./csv";
import { loadDailyFlow } from "./daily-flow";
import type { AnalyticsFilters } from "./filters";
import { loadFunnel } from "./funnel";
import { loadRates } from "./rates";
import { countOrdersByStatus } from "./status-counts";
import { loadStuckOrders, STUCK_CSV_LIMIT } from "./stuck-orders";
import { loadTimeInStatus } from "./time-in-status";

/** Each table the page shows, by the name its CSV download uses. */
export const ANALYTICS_TABLES = ["status-counts", "daily", "time-in-status", "funnel", "rates", "stuck"] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

export type TableOptions = { idleDays: number; now?: Date };

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
const percent = (share: number) => Math.round(share * 10_000) / 100;

/**
 * One table's figures as rows for a CSV file. Durations in hours and shares in percent, both
 * with two decimals, so a spreadsheet can sum and chart them without parsing "3 d 4 h".
 */
export async function loadAnalyticsTable(
  db: DbOrTx,
  table: AnalyticsTable,
  filters: AnalyticsFilters,
  options: TableOptions,
): Promise<CsvTable> {
  switch (table) {
    case "status-counts": {
      const rows = await countOrdersByStatus(db, filters);
      return {
        headers: ["group", "status code", "status", "orders"],
        rows: rows.map((r) => [r.groupName, r.code, r.name, r.orders]),
      };
    }
    case "daily": {
      const rows = await loadDailyFlow(db, filters);
      return { headers: ["day", "entered", "completed"], rows: rows.map((r) => [r.day, r.entered, r.completed]) };
    }
    case "time-in-status": {
      const rows = await loadTimeInStatus(db, filters, options);
      return {
        headers: ["status code", "status", "stays", "still open", "median hours", "p90 hours", "SLA hours", "SLA breaches"],
        rows: rows.map((r) => [r.code, r.name, r.stays, r.open, hours(r.medianSeconds), hours(r.p90Seconds), r.slaHours, r.slaBreaches]),
      };
    }
    case "funnel": {
      const funnel = await loadFunnel(db, filters);
      return {
        headers: ["group kind", "orders", "percent of orders created"],
        rows: funnel.steps.map((s) => [s.kind, s.orders, percent(s.share)]),
      };
    }
    case "rates": {
      const r = await loadRates(db, filters);
      return {
        headers: ["figure", "orders", "of orders created", "percent"],
        rows: [
          ["cancelled", r.cancelled, r.cohort, percent(r.cancellationRate)],
          ["returned or complained", r.returned, r.cohort, percent(r.returnRate)],
        ],
      };
    }
    case "stuck": {
      const { rows } = await loadStuckOrders(db, filters, { ...options, limit: STUCK_CSV_LIMIT });
      return {
        headers: ["order", "order type", "channel", "status", "in status since", "last event", "over SLA", "idle"],
        rows: rows.map((r) => [r.number, r.orderTypeCode, r.channel, r.statusName, r.statusChangedAt, r.lastEventAt, r.overSla, r.idle]),
      };
    }
  }
}
