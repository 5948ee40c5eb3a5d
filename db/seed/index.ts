// Presets and demo data. `seedDemo` is what `npm run db:seed`, the dev start script and tests call.
export { applyPreset, ensureStatusGroups, type AppliedPreset, type ApplyPresetInput } from "./apply-preset";
export {
  DEFAULT_DEMO_ORDERS,
  DEMO_ACCOUNTS,
  DEMO_SETTINGS,
  DEMO_WAREHOUSE_ROLE,
  seedDemo,
  type DemoAccount,
  type SeedDemoOptions,
  type SeedDemoResult,
} from "./demo";
export { AFTER_SALES_ORDER_TYPES, AFTER_SALES_PRESETS, afterSalesOrderType, complaintPreset, returnPreset } from "./after-sales-presets";
export { applyAfterSalesPresets } from "./apply-after-sales";
export {
  DEFAULT_STATUS_GROUPS,
  STATUS_PRESETS,
  marketplacePreset,
  presetToWorkflowDefinition,
  retailPreset,
  wholesalePreset,
  type DefaultStatusGroup,
  type LocalizedText,
  type PresetStatus,
  type StatusPreset,
} from "./presets";
