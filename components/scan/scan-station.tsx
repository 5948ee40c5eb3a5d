"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/action-result";
import { scanOutcomeOf, type ChangeOutcome } from "@/lib/change-outcome";
import { refusalText } from "@/lib/i18n/refusal-text";
import { NotifyCheckboxes, type NotifyChoice } from "@/components/orders/notify-checkboxes";

type Outcome = ChangeOutcome | "invalid" | "repeat";
type Scan = { key: number; number: string; outcome: Outcome; message: string };
type Target = { id: number; name: string; notifyCustomerEmail: boolean; notifyCustomerSms: boolean };
export type ScanFn = (input: { number: string; to: number; notifyEmail: boolean; notifySms: boolean }) => Promise<ActionResult>;

/** How each outcome looks; its words are the catalogue's `scan.outcomes`. */
const CUE: Record<Outcome, { panel: string; icon: string }> = {
  changed: { panel: "border-green-600 bg-green-50 text-green-900", icon: "✓" },
  repeat: { panel: "border-slate-400 bg-slate-50 text-slate-800", icon: "=" },
  not_allowed: { panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  not_permitted: { panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  payment_required: { panel: "border-amber-500 bg-amber-50 text-amber-900", icon: "!" },
  conflict: { panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  not_found: { panel: "border-red-600 bg-red-50 text-red-900", icon: "?" },
  failed: { panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  invalid: { panel: "border-red-600 bg-red-50 text-red-900", icon: "?" },
};

/**
 * A barcode scanner types the number and presses Enter, so the station is one text field that
 * keeps its focus. Every scan goes to the server (the transition service decides); a number
 * already handled in this session is answered locally and changes nothing.
 */
export function ScanStation({ targets, scan }: { targets: Target[]; scan: ScanFn }) {
  const t = useTranslations("scan");
  const refusals = useTranslations("refusals");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [to, setTo] = useState<number>();
  const [notify, setNotify] = useState<NotifyChoice>({ email: true, sms: true });
  const [scans, setScans] = useState<Scan[]>([]);
  const [busy, setBusy] = useState(0);
  const handled = useRef(new Set<string>());
  const target = targets.find((t) => t.id === to);
  const tally = scans.reduce((m, s) => m.set(s.outcome, (m.get(s.outcome) ?? 0) + 1), new Map<Outcome, number>());
  const last = scans[0];

  async function submit(raw: string) {
    const number = raw.trim();
    if (!number || !target) return;
    const key = Date.now() + Math.random();
    const handledKey = `${target.id}:${number.toUpperCase()}`;
    if (handled.current.has(handledKey)) {
      setScans((s) => [{ key, number, outcome: "repeat", message: t("repeated", { number }) }, ...s]);
      return;
    }
    handled.current.add(handledKey);
    setBusy((n) => n + 1);
    try {
      const reply = await scan({ number, to: target.id, notifyEmail: notify.email, notifySms: notify.sms });
      // Only a success is final; a refused number may be scanned again once the cause is fixed.
      if (!reply.ok) handled.current.delete(handledKey);
      // Why, from the refusal's code in the reader's language; an unknown number is said as such.
      const message = reply.ok
        ? reply.message
        : reply.error.code === "not_found"
          ? t("unknownNumber", { number })
          : refusalText(refusals, reply.error, { orderNumber: number, targetName: target.name });
      setScans((s) => [{ key, number, outcome: scanOutcomeOf(reply), message }, ...s]);
    } catch {
      handled.current.delete(handledKey);
      setScans((s) => [{ key, number, outcome: "failed", message: t("noAnswer", { number }) }, ...s]);
    } finally {
      setBusy((n) => n - 1);
    }
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("moveTo")}</span>
          <select
            value={to ?? ""}
            onChange={(e) => {
              const next = targets.find((t) => t.id === Number(e.target.value));
              setTo(next?.id);
              if (next) {
                setNotify({ email: next.notifyCustomerEmail, sms: next.notifyCustomerSms });
              }
              requestAnimationFrame(() => input.current?.focus());
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            <option value="">{t("chooseStatus")}</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <NotifyCheckboxes value={notify} onChange={setNotify} className="flex items-end gap-4 text-sm text-slate-700" labelClassName="inline-flex items-center gap-2" />
        <form
          className="sm:col-span-2"
          onSubmit={(e) => {
            e.preventDefault();
            const value = input.current?.value ?? "";
            if (input.current) input.current.value = "";
            void submit(value);
          }}
        >
          <label htmlFor={`${id}-number`} className="block text-sm font-medium text-slate-700">
            {t("number")}
          </label>
          <input
            ref={input}
            id={`${id}-number`}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a scan station's page exists for this one field: a barcode scanner types into whatever has focus
            autoFocus
            autoComplete="off"
            disabled={!target}
            placeholder={target ? t("placeholder") : t("placeholderNoStatus")}
            className="mt-1 block w-full rounded-md border-2 border-slate-300 px-3 py-3 font-mono text-lg focus:border-blue-600 focus:outline-none disabled:bg-slate-50"
          />
        </form>
      </div>

      <div aria-live="assertive" data-testid="scan-result">
        {last ? (
          <div className={cn("flex items-center gap-4 rounded-lg border-2 p-4", CUE[last.outcome].panel)} key={last.key}>
            <span aria-hidden="true" className="text-4xl font-bold">{CUE[last.outcome].icon}</span>
            <div>
              <p className="text-lg font-semibold">
                {t(`outcomes.${last.outcome}`)}: {last.number}
              </p>
              <p className="text-sm">{last.message}</p>
            </div>
          </div>
        ) : (
          <p className="rounded-lg border-2 border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">
            {busy ? t("checking") : t("empty")}
          </p>
        )}
      </div>

      {scans.length > 0 && (
        <>
          <ul aria-label={t("tally")} className="flex flex-wrap gap-2 text-sm">
            {[...tally].map(([outcome, n]) => (
              <li key={outcome} className={cn("rounded-full border px-3 py-0.5 font-medium", CUE[outcome].panel)}>
                {t(`outcomes.${outcome}`)}: {n}
              </li>
            ))}
          </ul>
          <ol aria-label={t("scans")} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {scans.map((s) => (
              <li key={s.key} className="flex gap-3 px-3 py-1.5">
                <span className="w-36 font-mono">{s.number}</span>
                <span className="w-40 font-medium">{t(`outcomes.${s.outcome}`)}</span>
                <span className="flex-1 text-slate-600">{s.message}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
