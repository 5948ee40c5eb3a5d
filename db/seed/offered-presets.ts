import { AFTER_SALES_PRESETS } from "./after-sales-presets";
import { STATUS_PRESETS, type StatusPreset } from "./presets";

/**
 * Every preset an admin can start a workflow from on the statuses screen: the shop presets, then
 * the return and complaint processes, which become order types of their kind (ADR 0161), so a
 * shop that did not start from the demo data can take returns too.
 */
export const OFFERED_PRESETS: readonly StatusPreset[] = [...STATUS_PRESETS, ...AFTER_SALES_PRESETS];

export type OfferedPresetKey = StatusPreset["key"];

export const OFFERED_PRESET_KEYS = OFFERED_PRESETS.map((p) => p.key) as [OfferedPresetKey, ...OfferedPresetKey[]];
