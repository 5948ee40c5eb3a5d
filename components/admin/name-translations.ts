import type { NameTranslations } from "@/db/schema/workflow";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** A group's or an order type's name per staff language as its fields hold it: an empty one falls back to the stored name. */
export type NameFieldValues = Record<Locale, string>;

/** The fields' values for stored translations (none: every field empty). */
export function editableTranslations(stored: NameTranslations): NameFieldValues {
  return Object.fromEntries(LOCALES.map((l) => [l, stored[l]?.name ?? ""])) as NameFieldValues;
}

/** The stored translations for the fields' values, as the server action takes them: each trimmed. */
export function translationsInput(translations: NameFieldValues): NameTranslations {
  return Object.fromEntries(LOCALES.map((l) => [l, { name: translations[l].trim() }]));
}
