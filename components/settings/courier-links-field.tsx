"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { settingsErrorText, TRACKING_PLACEHOLDER } from "./field-errors";

type Row = { courier: string; url: string };

/** Courier → tracking-link template pairs, sent to the server as one JSON field. */
export function CourierLinksField({ initial, errors }: { initial: Record<string, string>; errors: Record<string, string[]> }) {
  const t = useTranslations("settings");
  const [rows, setRows] = useState<Row[]>(() => Object.entries(initial).map(([courier, url]) => ({ courier, url })));
  const value = JSON.stringify(Object.fromEntries(rows.filter((r) => r.courier.trim()).map((r) => [r.courier.trim(), r.url.trim()])));
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const say = (codes: string[]) => codes.map((code) => settingsErrorText(t, code)).join(" ");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t("fields.courierTrackingLinks")}</legend>
      <p className="text-xs text-slate-600">{t.rich("hints.courierLinks", { placeholder: TRACKING_PLACEHOLDER, code: (chunks) => <code>{chunks}</code> })}</p>
      <input type="hidden" name="courierTrackingLinks" value={value} />
      {/* The whole field's problem (its text could not be read), apart from each link's own. */}
      {errors.courierTrackingLinks && <p className="text-sm text-red-700">{say(errors.courierTrackingLinks)}</p>}
      {rows.map((row, i) => {
        const problem = errors[`courierTrackingLinks.${row.courier.trim()}`];
        return (
          <div key={i} className="space-y-1">
            <div className="flex flex-wrap gap-2">
              <input
                aria-label={t("couriers.courier", { n: String(i + 1) })}
                value={row.courier}
                onChange={(e) => update(i, { courier: e.target.value })}
                placeholder={t("couriers.courierPlaceholder")}
                className="w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
              <input
                aria-label={t("couriers.link", { n: String(i + 1) })}
                value={row.url}
                onChange={(e) => update(i, { url: e.target.value })}
                placeholder={t("couriers.linkPlaceholder", { placeholder: TRACKING_PLACEHOLDER })}
                className="min-w-64 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} className="rounded-md px-2 text-sm text-red-700 hover:bg-red-50">
                {t("couriers.remove")}
              </button>
            </div>
            {problem && <p className="text-sm text-red-700">{say(problem)}</p>}
          </div>
        );
      })}
      <button type="button" onClick={() => setRows([...rows, { courier: "", url: "" }])} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        {t("couriers.add")}
      </button>
    </fieldset>
  );
}
