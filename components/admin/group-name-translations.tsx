"use client";

import { useLocale, useTranslations } from "next-intl";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { Field, inputClasses } from "./field";

/** A group's name per staff language, as typed: an empty one falls back to the stored name. */
export type GroupNameTranslations = Record<Locale, string>;

export const NO_GROUP_TRANSLATIONS: GroupNameTranslations = Object.fromEntries(LOCALES.map((l) => [l, ""])) as GroupNameTranslations;

/** What the server action takes: each language's name, trimmed. */
export function translationsInput(translations: GroupNameTranslations) {
  return Object.fromEntries(LOCALES.map((l) => [l, { name: translations[l].trim() }]));
}

/** The field labels a refusal names them by ("Nazwa (Polski)"), keyed as the action's field errors are. */
export function useGroupNameLabels(): { nameIn: (language: Locale) => string; byField: Record<string, string> } {
  const t = useTranslations("statuses.groupEditor");
  const common = useTranslations("common");
  const nameIn = (language: Locale) => t("nameIn", { language: common(`languages.${language}`) });
  return { nameIn, byField: Object.fromEntries(LOCALES.map((l) => [`translations.${l}.name`, nameIn(l)])) };
}

/** The group's name as the board will show it to this screen: its translation, else the name. */
export function useShownGroupName(name: string, translations: GroupNameTranslations): string {
  const screenLocale = useLocale();
  return (isLocale(screenLocale) && translations[screenLocale].trim()) || name;
}

/** One name field per staff language, shared by the new-group form and the group editor. */
export function GroupNameTranslationFields({
  translations,
  onChange,
  placeholder,
  errorsFor,
}: {
  translations: GroupNameTranslations;
  onChange: (next: GroupNameTranslations) => void;
  placeholder: string;
  errorsFor: (language: Locale) => string[] | undefined;
}) {
  const t = useTranslations("statuses.groupEditor");
  const labels = useGroupNameLabels();
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs text-slate-600">{t("translationsHint")}</legend>
      {LOCALES.map((language) => (
        <Field key={language} label={labels.nameIn(language)} errors={errorsFor(language)}>
          {(p) => (
            <input
              {...p}
              value={translations[language]}
              onChange={(e) => onChange({ ...translations, [language]: e.target.value })}
              placeholder={placeholder}
              className={inputClasses}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
