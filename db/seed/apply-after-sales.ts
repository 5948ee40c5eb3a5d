import type { DbOrTx } from "@/db";
import { AFTER_SALES_ORDER_TYPES, complaintPreset, returnPreset } from "./after-sales-presets";
import { applyPreset } from "./apply-preset";
import type { Locale } from "./presets";

/** The return and complaint processes as order types of their own (ADR 0161), named in `locale`. */
export async function applyAfterSalesPresets(db: DbOrTx, locale: Locale): Promise<void> {
  await applyPreset(db, { preset: returnPreset, locale, orderType: AFTER_SALES_ORDER_TYPES.return });
  await applyPreset(db, { preset: complaintPreset, locale, orderType: AFTER_SALES_ORDER_TYPES.complaint });
}
