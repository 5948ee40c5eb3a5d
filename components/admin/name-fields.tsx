"use client";

import { useLocale, useTranslations } from "next-intl";
import { nameIn } from "@/lib/i18n/name-in";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { Field, inputClasses } from "./field";
import { namesInput, type EditableNames } from "./name-translations";

export type NameLabels = { label: (language: Locale) => string; byField: Record<string, string> };

/**
 * The field labels a refusal names them by ("Nazwa (polski)"), keyed as the action's field errors
 * are. `named` words a label of its own from the language's name, where a screen holds several
 * such forms and each field must say whose name it is.
 */
export function useNameLabels(named?: (language: string) => string): NameLabels {
  const t = useTranslations("common.nameTranslations");
  const common = useTranslations("common");
  const label = (language: Locale) => {
    const languageName = common(`languageNames.${language}`);
    return named ? named(languageName) : t("nameIn", { language: languageName });
  };
  return { label, byField: Object.fromEntries(LOCALES.map((l) => [`translations.${l}.name`, label(l)])) };
}

/** The name as the staff screens will show it to this one: its translation, else the name. */
export function useShownName(names: EditableNames): string {
  return nameIn(namesInput(names), useLocale());
}

type FieldErrors = Record<string, string[] | undefined>;

/**
 * A name as stored and one per staff language (each falling back to the stored one), shared by the
 * group and order-type forms. `errors` are the action's field errors, found under `errorPrefix`
 * where the action nests the input ("group."); `labels` are the ones the form's refusal names the
 * fields by (useNameLabels).
 */
export function NameFields({
  label,
  value,
  onChange,
  errors,
  errorPrefix = "",
  labels,
}: {
  label: string;
  value: EditableNames;
  onChange: (next: EditableNames) => void;
  errors: FieldErrors;
  errorPrefix?: string;
  labels: NameLabels;
}) {
  const t = useTranslations("common.nameTranslations");
  return (
    <>
      <Field label={label} errors={errors[`${errorPrefix}name`]}>
        {(p) => <input {...p} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} className={inputClasses} />}
      </Field>
      {/* Side by side where the form is wide enough (a container query: the group editor is a narrow popover). */}
      <fieldset className="@container">
        <legend className="mb-2 text-xs text-slate-600">{t("hint")}</legend>
        <div className="grid gap-2 @md:grid-cols-2 @md:gap-3">
          {LOCALES.map((language) => (
            <Field key={language} label={labels.label(language)} errors={errors[`${errorPrefix}translations.${language}.name`]}>
              {(p) => (
                <input
                  {...p}
                  value={value.translations[language]}
                  onChange={(e) => onChange({ ...value, translations: { ...value.translations, [language]: e.target.value } })}
                  placeholder={value.name}
                  className={inputClasses}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
    </>
  );
}
