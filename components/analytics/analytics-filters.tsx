"use client";

import Form from "next/form";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { MAX_PERIOD_DAYS } from "@/lib/analytics/filters";
import { namedOptions } from "@/lib/named-options";
import { useChannelName } from "@/components/orders/code-names";

type Preset = { key: "7d" | "30d" | "90d" | "365d" };
type Values = { period: string; from: string; to: string; type: string; channel: string; idle: string };

const KNOWN = new Set(["dateFormat", "notCalendarDate", "endBeforeStart", "idleDays"]);

const inputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * A typed filter (dates, idle days) with its error outside the label, so the field's accessible
 * name stays its label and the error is its description.
 */
function FilterInput({
  label,
  name,
  defaultValue,
  errors,
  className = inputClass,
  ...input
}: {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
  className?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "type" | "required" | "min" | "max">) {
  const t = useTranslations("analytics.filters.errors");
  const errorId = `${name}-error`;
  const invalid = Boolean(errors?.length);
  // The filters' schemas give catalogue keys (lib/analytics/filters.ts); anything else reads as "check this".
  const said = [...new Set((errors ?? []).map((code) => (code === "periodTooLong" ? t(code, { max: MAX_PERIOD_DAYS }) : KNOWN.has(code) ? t(code as "dateFormat") : t("invalid"))))];
  return (
    <div className="text-sm">
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{label}</span>
        <input
          {...input}
          name={name}
          defaultValue={defaultValue}
          className={className}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
        />
      </label>
      {invalid && (
        <span id={errorId} className="mt-1 block text-xs text-red-700">
          {said.join(" ")}
        </span>
      )}
    </div>
  );
}

/**
 * The page's filters as a GET form, so every view is a URL that can be bookmarked or shared.
 * Menus apply at once; custom dates and idle days apply with the button (or Enter).
 */
export function AnalyticsFiltersForm({
  presets,
  types,
  channels,
  values,
  errors,
}: {
  presets: readonly Preset[];
  types: { code: string; name: string }[];
  channels: string[];
  values: Values;
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("analytics.filters");
  const channelName = useChannelName();
  const locale = useLocale();
  const [period, setPeriod] = useState(values.period);
  const custom = period === "custom";
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  return (
    <Form
      action="/analytics"
      key={JSON.stringify(values)}
      role="search"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{t("period")}</span>
        <select
          name="period"
          value={period}
          className={inputClass}
          onChange={(e) => {
            setPeriod(e.currentTarget.value);
            if (e.currentTarget.value !== "custom") submit(e);
          }}
        >
          {presets.map((p) => (
            <option key={p.key} value={p.key}>
              {t(`presets.${p.key}`)}
            </option>
          ))}
          <option value="custom">{t("custom")}</option>
        </select>
      </label>
      {custom && (
        <>
          <FilterInput label={t("from")} type="date" name="from" required defaultValue={values.from} errors={errors.from} />
          <FilterInput label={t("to")} type="date" name="to" required defaultValue={values.to} errors={errors.to} />
        </>
      )}
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{t("orderType")}</span>
        <select name="type" defaultValue={values.type} className={inputClass} onChange={submit}>
          <option value="">{t("allTypes")}</option>
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-600">{t("channel")}</span>
        <select name="channel" defaultValue={values.channel} className={inputClass} onChange={submit}>
          <option value="">{t("allChannels")}</option>
          {namedOptions(channels, channelName, locale).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <FilterInput
        label={t("idle")}
        type="number"
        name="idle"
        min={1}
        max={365}
        defaultValue={values.idle}
        errors={errors.idle}
        className={`${inputClass} w-24`}
      />
      <button type="submit" className={buttonClasses("primary", "py-1.5")}>
        {t("apply")}
      </button>
    </Form>
  );
}
