export { ANALYTICS_TIME_ZONE, analyticsFiltersSchema, DEFAULT_IDLE_DAYS, MAX_PERIOD_DAYS, type AnalyticsFilters } from "./filters";
export {
  DEFAULT_PERIOD,
  PERIOD_PRESETS,
  resolveSearch,
  searchParamsOf,
  type PeriodPreset,
  type ResolvedSearch,
} from "./period";
export { countOrdersByStatus, sumByGroup, type GroupCount, type StatusCount } from "./status-counts";
export { loadDailyFlow, type DailyFlow } from "./daily-flow";
export { loadTimeInStatus, type TimeInStatus } from "./time-in-status";
export { loadFunnel, type Funnel, type FunnelStep } from "./funnel";
export { loadRates, type Rates } from "./rates";
export { loadStuckOrders, STUCK_CSV_LIMIT, STUCK_LIST_LIMIT, type StuckOrder, type StuckOrders } from "./stuck-orders";
export { toCsv, type CsvTable } from "./csv";
export { ANALYTICS_TABLES, loadAnalyticsTable, type AnalyticsTable } from "./tables";
export { looksLikeReturn } from "./scope";
export { foldAnalyticsRollups } from "./fold";
