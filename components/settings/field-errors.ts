import type { useTranslations } from "next-intl";
import { labelsOf } from "@/lib/i18n/field-labels";
import type { Refusal } from "@/lib/result";

type SettingsT = ReturnType<typeof useTranslations<"settings">>;

/** Where a courier link goes in a tracking link template. */
export const TRACKING_PLACEHOLDER = "{trackingNumber}";

/**
 * A refused value's reason in the reader's language: the server gives each field's reasons as
 * keys of `settings.errors` (lib/settings.ts), never as words to show.
 */
export function settingsErrorText(t: SettingsT, code: string): string {
  if (code === "courierPlaceholder") return t("errors.courierPlaceholder", { placeholder: TRACKING_PLACEHOLDER });
  const key = `errors.${code}` as "errors.invalid";
  return t.has(key) ? t(key) : t("errors.invalid");
}

/** The fields a validation refusal names, by their form labels, each once ("courierTrackingLinks.dpd" → the links' label); never a raw path. */
export function refusedFieldLabels(t: SettingsT, error: Refusal): string[] {
  // The whole `fields` group: next-intl types `raw` for single messages only.
  const labels = (t.raw as (key: string) => Record<string, string>)("fields");
  return labelsOf(error.fieldErrors ?? {}, labels);
}
