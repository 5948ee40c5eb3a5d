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

/** A group's or an order type's name as stored and per staff language, as its form holds them. */
export type EditableNames = { name: string; translations: NameFieldValues };

/** A stored group's or type's names as its form starts from them. */
export function editableNames(stored: { name: string; translations: NameTranslations }): EditableNames {
  return { name: stored.name, translations: editableTranslations(stored.translations) };
}

/** A new group's or type's names: all empty. */
export const NO_NAMES: EditableNames = { name: "", translations: editableTranslations({}) };

/** The names as a server action takes them: the stored name, and each translation trimmed. */
export function namesInput({ name, translations }: EditableNames): { name: string; translations: NameTranslations } {
  return { name, translations: translationsInput(translations) };
}
