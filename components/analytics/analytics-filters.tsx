"use client";

import Form from "next/form";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";

type Preset = { key: string; label: string };
type Values = { period: string; from: string; to: string; type: string; channel: string; idle: string };

const inputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="mt-1 block text-xs text-red-700">
      {messages.join(" ")}
    </span>
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
  const [period, setPeriod] = useState(values.period);
  const custom = period === "custom";
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  return (
    <Form
      action="/analytics"
      key={JSON.stringify(values)}
      role="search"
      aria-label="Analytics filters"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Period</span>
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
              {p.label}
            </option>
          ))}
          <option value="custom">Custom dates</option>
        </select>
      </label>
      {custom && (
        <>
          <div className="text-sm">
            <label className="text-sm">
              <span className="block text-xs text-slate-600">From</span>
              <input
                type="date"
                name="from"
                required
                defaultValue={values.from}
                className={inputClass}
                aria-invalid={Boolean(errors.from)}
                aria-describedby={errors.from ? "from-error" : undefined}
              />
            </label>
            <FieldError id="from-error" messages={errors.from} />
          </div>
          <div className="text-sm">
            <label className="text-sm">
              <span className="block text-xs text-slate-600">To</span>
              <input
                type="date"
                name="to"
                required
                defaultValue={values.to}
                className={inputClass}
                aria-invalid={Boolean(errors.to)}
                aria-describedby={errors.to ? "to-error" : undefined}
              />
            </label>
            <FieldError id="to-error" messages={errors.to} />
          </div>
        </>
      )}
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Order type</span>
        <select name="type" defaultValue={values.type} className={inputClass} onChange={submit}>
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-600">Sales channel</span>
        <select name="channel" defaultValue={values.channel} className={inputClass} onChange={submit}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <div className="text-sm">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Stuck after (days idle)</span>
          <input
            type="number"
            name="idle"
            min={1}
            max={365}
            defaultValue={values.idle}
            className={`${inputClass} w-24`}
            aria-invalid={Boolean(errors.idle)}
            aria-describedby={errors.idle ? "idle-error" : undefined}
          />
        </label>
        <FieldError id="idle-error" messages={errors.idle} />
      </div>
      <button type="submit" className={buttonClasses("primary", "py-1.5")}>
        Apply
      </button>
    </Form>
  );
}
