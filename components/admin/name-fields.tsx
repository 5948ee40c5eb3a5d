"use client";

import { useLocale, useTranslations } from "next-intl";
import { nameIn } from "@/lib/i18n/name-in";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { Field, inputClasses } from "./field";
import { translationsInput, type NameFieldValues } from "./name-translations";

export type NameLabels = { label: (language: Locale) => string; byField: Record<string, string> };

/**
 * The field labels a refusal names them by ("Nazwa (Polski)"), keyed as the action's field errors
 * are. `named` words a label of its own from the language's name, where a screen holds several
 * such forms and each field must say whose name it is.
 */
export function useNameLabels(named?: (language: string) => string): NameLabels {
  const t = useTranslations("common.nameTranslations");
  const common = useTranslations("common");
  const label = (language: Locale) => {
    const languageName = common(`languages.${language}`);
    return named ? named(languageName) : t("nameIn", { language: languageName });
  };
  return { label, byField: Object.fromEntries(LOCALES.map((l) => [`translations.${l}.name`, label(l)])) };
}

/** The name as the staff screens will show it to this one: its translation, else the name. */
export function useShownName(name: string, translations: NameFieldValues): string {
  return nameIn({ name, translations: translationsInput(translations) }, useLocale());
}

type FieldErrors = Record<string, string[] | undefined>;

/**
 * A name as stored and one per staff language (each falling back to the stored one), shared by the
 * group and order-type forms. `errors` are the action's field errors, found under `errorPrefix`
 * where the action nests the input ("group.").
 */
export function NameFields({
  label,
  name,
  onNameChange,
  translations,
  onTranslationsChange,
  errors,
  errorPrefix = "",
  labels,
}: {
  label: string;
  name: string;
  onNameChange: (next: string) => void;
  translations: NameFieldValues;
  onTranslationsChange: (next: NameFieldValues) => void;
  errors: FieldErrors;
  errorPrefix?: string;
  /** The per-language fields' labels, when they are not the plain "Nazwa (Polski)". */
  labels?: NameLabels;
}) {
  const t = useTranslations("common.nameTranslations");
  const plain = useNameLabels();
  const labelIn = (labels ?? plain).label;
  return (
    <>
      <Field label={label} errors={errors[`${errorPrefix}name`]}>
        {(p) => <input {...p} value={name} onChange={(e) => onNameChange(e.target.value)} className={inputClasses} />}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-xs text-slate-600">{t("hint")}</legend>
        {LOCALES.map((language) => (
          <Field key={language} label={labelIn(language)} errors={errors[`${errorPrefix}translations.${language}.name`]}>
            {(p) => (
              <input
                {...p}
                value={translations[language]}
                onChange={(e) => onTranslationsChange({ ...translations, [language]: e.target.value })}
                placeholder={name}
                className={inputClasses}
              />
            )}
          </Field>
        ))}
      </fieldset>
    </>
  );
}
