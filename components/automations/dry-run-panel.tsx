"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ConditionCheck } from "@/lib/automation/conditions";
import type { DryRunTrigger } from "@/lib/automation/dry-run";
import type { ParcelEventKind } from "@/db/schema";
import { PARCEL_EVENT_KINDS } from "@/lib/parcels/event-data";
import type { RuleTrace } from "@/lib/automation/trace";
import { formatMoney } from "@/lib/format";
import type { Result } from "@/lib/result";
import { refusalMessage } from "@/lib/i18n/refusal-text";
import type { DryRunView, EditorOptions } from "./types";
import { listIn, namesFrom, outcomeText, type Wording } from "./words";

const TRIGGERS: DryRunTrigger[] = ["now", "order_created", "payment_recorded", "status_entered", "tracking_updated", "parcel_event"];

const OUTCOME_STYLE = { done: "text-green-800", failed: "text-red-800", skipped: "text-slate-500" } as const;

type Context = { wording: Wording; currency: string; spec: DryRunView["specs"][number] | undefined };

/** What a condition wanted and what the order has, in the reader's language (codes become names, minor units money). */
function conditionValues(c: ConditionCheck, { wording, currency, spec }: Context): { expected: string; actual: string } {
  const { t, locale, names } = wording;
  const money = (minor: number | undefined) => (minor === undefined ? "…" : formatMoney(minor, currency, locale));
  switch (c.key) {
    case "total":
      return { expected: spec ? `${money(spec.conditions.totalMin)}–${money(spec.conditions.totalMax)}` : c.expected, actual: money(Number(c.actual)) };
    case "paid":
      return { expected: t(spec?.conditions.paid === false ? "dryRun.unpaid" : "dryRun.paid"), actual: t(c.actual === "paid" ? "dryRun.paid" : "dryRun.unpaid") };
    default: {
      const name = c.key === "statuses" ? names.status : c.key === "orderTypes" ? names.orderType : (v: string) => v;
      return { expected: spec ? listIn(locale, spec.conditions[c.key].map(name)) : c.expected, actual: c.actual === "none" ? t("dryRun.none") : name(c.actual) };
    }
  }
}

function RuleResult({ trace, context }: { trace: RuleTrace; context: Context }) {
  const { t } = context.wording;
  return (
    <li className="space-y-1 rounded-md border border-slate-200 p-3" data-testid="dry-run-rule">
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", trace.matched ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700")}>
          {trace.matched ? t("dryRun.fires") : t("dryRun.doesNotFire")}
        </span>
        <Link href={`/admin/automations/${trace.ruleId}`} className="font-medium hover:underline">
          {trace.ruleName}
        </Link>
        {trace.depth > 0 && <span className="text-xs text-slate-500">{t("dryRun.chained", { depth: String(trace.depth) })}</span>}
      </div>
      {trace.skipReason && <p className="text-sm text-slate-600">{t(`skip.${trace.skipReason}`)}</p>}
      {trace.conditions.length > 0 && (
        <ul className="text-sm" aria-label={t("dryRun.conditions")}>
          {trace.conditions.map((c) => (
            <li key={c.key} className={c.ok ? "text-slate-700" : "text-red-800"}>
              <span aria-hidden>{c.ok ? "✓" : "✗"}</span> {t("dryRun.condition", { label: t(`dryRun.conditionLabels.${c.key}`), ...conditionValues(c, context) })}
              <span className="sr-only">{c.ok ? t("dryRun.holds") : t("dryRun.fails")}</span>
            </li>
          ))}
        </ul>
      )}
      {trace.actions.length > 0 && (
        <ol className="list-decimal pl-5 text-sm" aria-label={t("dryRun.actions")}>
          {trace.actions.map((a) => {
            const what = outcomeText(a, context.spec, context.wording);
            return (
              <li key={a.index} className={OUTCOME_STYLE[a.outcome]}>
                {a.outcome === "failed" ? t("dryRun.wouldFail", { what }) : a.outcome === "skipped" ? what : t("dryRun.would", { what })}
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

/** Picks an order and a trigger and shows what the rules would do; the server rolls everything back. */
export function DryRunPanel({
  dryRun,
  initialNumber = "",
  options,
  currency,
}: {
  dryRun: (input: unknown) => Promise<Result<DryRunView>>;
  initialNumber?: string;
  /** Names for the codes the rules use, in the reader's language. */
  options: EditorOptions;
  currency: string;
}) {
  const [orderNumber, setOrderNumber] = useState(initialNumber);
  const [trigger, setTrigger] = useState<DryRunTrigger>("status_entered");
  const [parcelEvent, setParcelEvent] = useState<ParcelEventKind>("delivered");
  const [result, setResult] = useState<Result<DryRunView>>();
  const [pending, startTransition] = useTransition();
  const t = useTranslations("automations");
  const tr = useTranslations("refusals");
  const tParcels = useTranslations("parcels");
  const locale = useLocale();
  const wording: Wording = { t, locale, names: namesFrom(options) };
  const refused = result && !result.ok ? result.error : undefined;
  // The order number is the one field: a missing order or an empty entry, said by code.
  const numberError = refused?.fieldErrors?.orderNumber ? [refused.code === "not_found" ? t("dryRun.noSuchOrder") : t("dryRun.required")] : undefined;
  const refusalText = refused && !numberError ? ((m) => tr(m.key, m.values as never))(refusalMessage(refused)) : undefined;
  const report = result?.ok ? result.value : undefined;

  return (
    <div className="space-y-4">
      <form
        className={cn("grid items-end gap-3", trigger === "parcel_event" ? "sm:grid-cols-[1fr_2fr_1fr_auto]" : "sm:grid-cols-[1fr_2fr_auto]")}
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => setResult(await dryRun({ orderNumber, trigger, ...(trigger === "parcel_event" ? { parcelEvent } : {}) })));
        }}
      >
        <Field label={t("dryRun.orderNumber")} errors={numberError}>
          {(p) => <input {...p} className={inputClasses} value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} placeholder={t("dryRun.placeholder")} />}
        </Field>
        <Field label={t("dryRun.trigger")}>
          {(p) => (
            <select {...p} className={inputClasses} value={trigger} onChange={(e) => setTrigger(e.target.value as DryRunTrigger)}>
              {TRIGGERS.map((value) => (
                <option key={value} value={value}>
                  {t(`dryRun.triggers.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {trigger === "parcel_event" && (
          <Field label={t("dryRun.parcelEvent")}>
            {(p) => (
              <select {...p} className={inputClasses} value={parcelEvent} onChange={(e) => setParcelEvent(e.target.value as ParcelEventKind)}>
                {PARCEL_EVENT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {tParcels(`events.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? t("dryRun.running") : t("dryRun.run")}
        </Button>
      </form>
      <div aria-live="polite" className="space-y-3">
        {refusalText && <Alert tone="error">{refusalText}</Alert>}
        {report && (
          <section className="space-y-3" aria-label={t("dryRun.result")}>
            <Alert tone="info">
              {report.statusAfter !== report.statusBefore
                ? t("dryRun.changed", { number: report.orderNumber, before: report.statusBefore, after: report.statusAfter })
                : t("dryRun.stays", { number: report.orderNumber, before: report.statusBefore })}
            </Alert>
            {report.rules.length === 0 ? (
              <p className="text-sm text-slate-600">{report.trigger === "now" ? t("dryRun.noRulesNow") : t("dryRun.noRules")}</p>
            ) : (
              <ul className="space-y-2">
                {report.rules.map((trace, i) => (
                  <RuleResult key={`${trace.ruleId}-${i}`} trace={trace} context={{ wording, currency, spec: report.specs[trace.ruleId] }} />
                ))}
              </ul>
            )}
            {(report.events.length > 0 || report.messages.length > 0) && (
              <div className="text-sm text-slate-700">
                <h3 className="font-medium">{t("dryRun.writes")}</h3>
                <ul className="list-disc pl-5">
                  {report.events.map((e, i) => {
                    const values = { type: t(`dryRun.eventTypes.${e.type}`), actor: e.actorLabel };
                    const event = e.toStatus ? t("dryRun.eventTo", { ...values, to: e.toStatus }) : t("dryRun.event", values);
                    return <li key={i}>{e.comment ? t("dryRun.comment", { event, comment: e.comment }) : event}</li>;
                  })}
                  {report.messages.map((m, i) => (
                    <li key={`m${i}`}>{t("dryRun.message", { kind: m.kind, recipient: m.recipient })}</li>
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
