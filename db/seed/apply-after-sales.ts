import type { DbOrTx } from "@/db";
import { afterSalesOrderType, complaintPreset, returnPreset } from "./after-sales-presets";
import { applyPreset } from "./apply-preset";
import type { Locale } from "./presets";

/** The return and complaint processes as order types of their own (ADR 0161), named in `locale`. */
export async function applyAfterSalesPresets(db: DbOrTx, locale: Locale): Promise<void> {
  await applyPreset(db, { preset: returnPreset, locale, orderType: afterSalesOrderType("return", locale) });
  await applyPreset(db, { preset: complaintPreset, locale, orderType: afterSalesOrderType("complaint", locale) });
}
