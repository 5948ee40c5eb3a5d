import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { namesFrom, outcomeText, reasonText, type Wording } from "@/components/automations/words";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getRule, listRuleRuns, parseStoredRule } from "@/lib/automation";
import type { ActionOutcome } from "@/lib/automation";
import { formatDateTime } from "@/lib/format";
import { idFromSegment } from "@/lib/url-params";
import { loadEditorOptions, loadStatusNameIn, withStatusIn } from "../../names";

export async function generateMetadata() {
  const t = await getTranslations("automations");
  return { title: t("logTitle") };
}

const OUTCOME_STYLE = {
  done: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  skipped: "bg-slate-100 text-slate-700",
} as const;

/** Why a run did nothing, from the code it recorded. */
function whyNothing(detail: { reason?: string }, wording: Wording): string {
  const { t } = wording;
  if (detail.reason === "conditions") return t("log.conditions");
  if (detail.reason === "status_changed" || detail.reason === "already_ran" || detail.reason === "invalid_rule") return t(`skip.${detail.reason}`);
  return detail.reason ? reasonText(detail.reason, t) : "";
}

export default async function RuleLogPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = idFromSegment((await params).id);
  if (id === undefined) notFound();
  const db = await getDb();
  const [t, locale, timeZone] = await Promise.all([getTranslations("automations"), getLocale(), getTimeZone()]);
  const [rule, options, nameIn] = await Promise.all([getRule(db, id), loadEditorOptions(db, locale), loadStatusNameIn(db, locale)]);
  if (!rule) notFound();
  const runs = await listRuleRuns(db, id, 200);
  const spec = parseStoredRule(rule);
  const wording: Wording = { t, locale, names: namesFrom(options) };
  return (
    <div className="space-y-4">
      <p className="flex gap-4 text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← {t("title")}
        </Link>
        <Link href={`/admin/automations/${rule.id}`} className="text-blue-700 hover:underline">
          {t("editRule")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("log.heading", { name: rule.name })}</h1>
      {runs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("log.empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("log.caption", { name: rule.name })}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
            <tr>
              <th className="py-2 pr-3">{t("log.when")}</th>
              <th className="py-2 pr-3">{t("log.order")}</th>
              <th className="py-2 pr-3">{t("log.outcome")}</th>
              <th className="py-2">{t("log.what")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const detail = run.detail as { actions?: ActionOutcome[]; reason?: string };
              return (
                <tr key={run.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(run.createdAt, locale, timeZone)}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/orders/${encodeURIComponent(run.orderNumber)}`} className="text-blue-700 hover:underline">
                      {run.orderNumber}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLE[run.outcome]}`}>{t(`log.outcomes.${run.outcome}`)}</span>
                  </td>
                  <td className="py-2">
                    {detail.actions?.length ? (
                      <ol className="list-decimal pl-5">
                        {detail.actions.map((a) => (
                          <li key={a.index} className={a.outcome === "failed" ? "text-red-800" : undefined}>
                            {outcomeText(withStatusIn(a, nameIn), spec, wording)}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <span className="text-slate-600">{whyNothing(detail, wording)}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
