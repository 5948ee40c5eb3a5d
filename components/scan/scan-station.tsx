"use client";

import { useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ChangeOutcome } from "@/lib/status-change-input";
import { NotifyCheckboxes, type NotifyChoice } from "@/components/orders/notify-checkboxes";

type Outcome = ChangeOutcome | "invalid" | "repeat";
type Scan = { key: number; number: string; outcome: Outcome; message: string };
type Target = { id: number; name: string; notifyCustomerEmail: boolean; notifyCustomerSms: boolean };
export type ScanFn = (input: { number: string; to: number; notifyEmail: boolean; notifySms: boolean }) => Promise<{ outcome: ChangeOutcome | "invalid"; message: string }>;

const CUE: Record<Outcome, { label: string; panel: string; icon: string }> = {
  changed: { label: "Moved", panel: "border-green-600 bg-green-50 text-green-900", icon: "✓" },
  repeat: { label: "Already scanned", panel: "border-slate-400 bg-slate-50 text-slate-800", icon: "=" },
  not_allowed: { label: "Not allowed", panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  payment_required: { label: "Payment required", panel: "border-amber-500 bg-amber-50 text-amber-900", icon: "!" },
  conflict: { label: "Changed meanwhile", panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  not_found: { label: "Unknown order", panel: "border-red-600 bg-red-50 text-red-900", icon: "?" },
  failed: { label: "Failed", panel: "border-red-600 bg-red-50 text-red-900", icon: "✕" },
  invalid: { label: "Not a number", panel: "border-red-600 bg-red-50 text-red-900", icon: "?" },
};

/**
 * A barcode scanner types the number and presses Enter, so the station is one text field that
 * keeps its focus. Every scan goes to the server (the transition service decides); a number
 * already handled in this session is answered locally and changes nothing.
 */
export function ScanStation({ targets, scan }: { targets: Target[]; scan: ScanFn }) {
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
      setScans((s) => [{ key, number, outcome: "repeat", message: `${number} was already scanned: nothing done.` }, ...s]);
      return;
    }
    handled.current.add(handledKey);
    setBusy((n) => n + 1);
    try {
      const reply = await scan({ number, to: target.id, notifyEmail: notify.email, notifySms: notify.sms });
      // Only a success is final; a refused number may be scanned again once the cause is fixed.
      if (reply.outcome !== "changed") handled.current.delete(handledKey);
      setScans((s) => [{ key, number, ...reply }, ...s]);
    } catch {
      handled.current.delete(handledKey);
      setScans((s) => [{ key, number, outcome: "failed", message: `${number}: the server did not answer. Scan it again.` }, ...s]);
    } finally {
      setBusy((n) => n - 1);
    }
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Move scanned orders to</span>
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
            <option value="">Choose a status…</option>
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
            Order number
          </label>
          <input
            ref={input}
            id={`${id}-number`}
            autoFocus
            autoComplete="off"
            disabled={!target}
            placeholder={target ? "Scan a label or type a number, then Enter" : "Choose a status first"}
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
                {CUE[last.outcome].label}: {last.number}
              </p>
              <p className="text-sm">{last.message}</p>
            </div>
          </div>
        ) : (
          <p className="rounded-lg border-2 border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">
            {busy ? "Checking…" : "Results appear here, newest first."}
          </p>
        )}
      </div>

      {scans.length > 0 && (
        <>
          <ul aria-label="Tally" className="flex flex-wrap gap-2 text-sm">
            {[...tally].map(([outcome, n]) => (
              <li key={outcome} className={cn("rounded-full border px-3 py-0.5 font-medium", CUE[outcome].panel)}>
                {CUE[outcome].label}: {n}
              </li>
            ))}
          </ul>
          <ol aria-label="Scans" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {scans.map((s) => (
              <li key={s.key} className="flex gap-3 px-3 py-1.5">
                <span className="w-36 font-mono">{s.number}</span>
                <span className="w-36 font-medium">{CUE[s.outcome].label}</span>
                <span className="flex-1 text-slate-600">{s.message}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
