"use client";

import { useLocale, useTranslations } from "next-intl";
import { nameIn } from "@/lib/i18n/name-in";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { Field, inputClasses } from "./field";
import { translationsInput, type GroupNameTranslations } from "./group-names";

/** The field labels a refusal names them by ("Nazwa (Polski)"), keyed as the action's field errors are. */
export function useGroupNameLabels(): { label: (language: Locale) => string; byField: Record<string, string> } {
  const t = useTranslations("statuses.groupEditor");
  const common = useTranslations("common");
  const label = (language: Locale) => t("nameIn", { language: common(`languages.${language}`) });
  return { label, byField: Object.fromEntries(LOCALES.map((l) => [`translations.${l}.name`, label(l)])) };
}

/** The group's name as the board will show it to this screen: its translation, else the name. */
export function useShownGroupName(name: string, translations: GroupNameTranslations): string {
  return nameIn({ name, translations: translationsInput(translations) }, useLocale());
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
        <Field key={language} label={labels.label(language)} errors={errorsFor(language)}>
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
