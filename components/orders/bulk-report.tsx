"use client";

import { useTranslations } from "next-intl";
import type { ChangeOutcome } from "@/lib/change-outcome";
import { refusalText } from "@/lib/i18n/refusal-text";
import type { Refusal } from "@/lib/result";

/**
 * One order's line: a refusal says why from its code (the reader's language); `noAnswer` marks an
 * order whose chunk the server never answered.
 */
export type ReportLine = { orderId: number; number: string; outcome: ChangeOutcome; refusal?: Refusal; noAnswer?: boolean; undo?: { eventId: number; until: string } };

const TONES: Record<ChangeOutcome, string> = {
  changed: "text-green-700",
  not_allowed: "text-slate-700",
  not_permitted: "text-slate-700",
  payment_required: "text-amber-800",
  conflict: "text-red-700",
  not_found: "text-red-700",
  failed: "text-red-700",
};

/** The end of a bulk change: the totals per outcome, then every order with what happened to it. */
export function BulkReport({ lines, targetName }: { lines: ReportLine[]; targetName: string }) {
  const t = useTranslations("orders");
  const refusals = useTranslations("refusals");
  const why = (line: ReportLine) => {
    if (line.noAnswer) return t("bulk.noAnswer");
    return line.refusal ? refusalText(refusals, line.refusal, { orderNumber: line.number, targetName }) : "";
  };
  const changed = lines.filter((l) => l.outcome === "changed").length;
  const totals = new Map<ChangeOutcome, number>();
  for (const line of lines) totals.set(line.outcome, (totals.get(line.outcome) ?? 0) + 1);
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-800">{t("bulk.changedOf", { changed, total: lines.length })}</p>
      <ul aria-label={t("report.summary")} className="flex flex-wrap gap-2 text-sm">
        {[...totals].map(([outcome, n]) => (
          <li key={outcome} className={`rounded-full bg-slate-100 px-2.5 py-0.5 font-medium ${TONES[outcome]}`}>
            {t(`report.outcomes.${outcome}`)}: {n}
          </li>
        ))}
      </ul>
      <div className="max-h-72 overflow-y-auto rounded border border-slate-200">
        <table className="w-full text-sm" aria-label={t("report.perOrder")}>
          <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                {t("report.order")}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t("report.result")}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t("report.details")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((line) => (
              <tr key={line.orderId}>
                <td className="px-2 py-1.5 font-medium">{line.number}</td>
                <td className={`px-2 py-1.5 font-medium ${TONES[line.outcome]}`}>{t(`report.outcomes.${line.outcome}`)}</td>
                <td className="px-2 py-1.5 text-slate-600">{line.outcome === "changed" ? "" : why(line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
