"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { DryRunReport, DryRunTrigger } from "@/lib/automation/dry-run";
import type { RuleTrace } from "@/lib/automation/trace";
import type { Result } from "@/lib/result";

const TRIGGERS: { value: DryRunTrigger; label: string }[] = [
  { value: "now", label: "What happens now (time rules due)" },
  { value: "order_created", label: "As if the order had just been created" },
  { value: "payment_recorded", label: "As if a payment had just been recorded" },
  { value: "status_entered", label: "As if it had just entered its current status" },
  { value: "tracking_updated", label: "As if its tracking had just been updated" },
];

const CONDITION_LABELS: Record<string, string> = {
  orderTypes: "Order type",
  statuses: "Current status",
  channels: "Sales channel",
  paymentMethods: "Payment method",
  shippingMethods: "Shipping method",
  couriers: "Courier",
  countries: "Country",
  total: "Total (minor units)",
  paid: "Payment",
};

const OUTCOME_STYLE = { done: "text-green-800", failed: "text-red-800", skipped: "text-slate-500" } as const;

function RuleResult({ trace }: { trace: RuleTrace }) {
  return (
    <li className="space-y-1 rounded-md border border-slate-200 p-3" data-testid="dry-run-rule">
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", trace.matched ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700")}>
          {trace.matched ? "fires" : "does not fire"}
        </span>
        <Link href={`/admin/automations/${trace.ruleId}`} className="font-medium hover:underline">
          {trace.ruleName}
        </Link>
        {trace.depth > 0 && <span className="text-xs text-slate-500">chained, step {trace.depth}</span>}
      </div>
      {trace.skippedBecause && <p className="text-sm text-slate-600">{trace.skippedBecause}.</p>}
      {trace.conditions.length > 0 && (
        <ul className="text-sm" aria-label="Conditions">
          {trace.conditions.map((c) => (
            <li key={c.key} className={c.ok ? "text-slate-700" : "text-red-800"}>
              <span aria-hidden>{c.ok ? "✓" : "✗"}</span> {CONDITION_LABELS[c.key] ?? c.key}: wants {c.expected}, order has {c.actual}
              <span className="sr-only">{c.ok ? " (holds)" : " (fails)"}</span>
            </li>
          ))}
        </ul>
      )}
      {trace.actions.length > 0 && (
        <ol className="list-decimal pl-5 text-sm" aria-label="Actions">
          {trace.actions.map((a) => (
            <li key={a.index} className={OUTCOME_STYLE[a.outcome]}>
              {a.outcome === "failed" ? "Would fail: " : a.outcome === "skipped" ? "" : "Would: "}
              {a.summary}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Picks an order and a trigger and shows what the rules would do; the server rolls everything back. */
export function DryRunPanel({ dryRun, initialNumber = "" }: { dryRun: (input: unknown) => Promise<Result<DryRunReport>>; initialNumber?: string }) {
  const [orderNumber, setOrderNumber] = useState(initialNumber);
  const [trigger, setTrigger] = useState<DryRunTrigger>("status_entered");
  const [result, setResult] = useState<Result<DryRunReport>>();
  const [pending, startTransition] = useTransition();
  const errors = result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
  const report = result?.ok ? result.value : undefined;

  return (
    <div className="space-y-4">
      <form
        className="grid items-end gap-3 sm:grid-cols-[1fr_2fr_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => setResult(await dryRun({ orderNumber, trigger })));
        }}
      >
        <Field label="Order number" errors={errors.orderNumber}>
          {(p) => <input {...p} className={inputClasses} value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} placeholder="ORD-10001" />}
        </Field>
        <Field label="Trigger" errors={errors.trigger}>
          {(p) => (
            <select {...p} className={inputClasses} value={trigger} onChange={(e) => setTrigger(e.target.value as DryRunTrigger)}>
              {TRIGGERS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Running…" : "Dry run"}
        </Button>
      </form>
      <div aria-live="polite" className="space-y-3">
        {result && !result.ok && !result.error.fieldErrors?.orderNumber && <Alert tone="error">{result.error.message}</Alert>}
        {report && (
          <section className="space-y-3" aria-label="Dry run result">
            <Alert tone="info">
              Nothing was changed. {report.orderNumber}: {report.statusBefore}
              {report.statusAfter !== report.statusBefore ? ` → would end in ${report.statusAfter}` : " (status would stay)"}.
            </Alert>
            {report.rules.length === 0 ? (
              <p className="text-sm text-slate-600">No enabled rule listens to this trigger{report.trigger === "now" ? " or is due for this order now" : ""}.</p>
            ) : (
              <ul className="space-y-2">
                {report.rules.map((trace, i) => (
                  <RuleResult key={`${trace.ruleId}-${i}`} trace={trace} />
                ))}
              </ul>
            )}
            {(report.events.length > 0 || report.messages.length > 0) && (
              <div className="text-sm text-slate-700">
                <h3 className="font-medium">It would write</h3>
                <ul className="list-disc pl-5">
                  {report.events.map((e, i) => (
                    <li key={i}>
                      {e.type.replaceAll("_", " ")}
                      {e.toStatus ? ` → ${e.toStatus}` : ""} by {e.actorLabel}
                      {e.comment ? `: “${e.comment}”` : ""}
                    </li>
                  ))}
                  {report.messages.map((m, i) => (
                    <li key={`m${i}`}>
                      {m.kind} to {m.recipient}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
