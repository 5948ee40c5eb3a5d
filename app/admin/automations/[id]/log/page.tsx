import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getRule, listRuleRuns } from "@/lib/automation";
import type { ActionOutcome } from "@/lib/automation";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Automation log" };

const OUTCOME = {
  done: { label: "done", className: "bg-green-100 text-green-900" },
  failed: { label: "failed", className: "bg-red-100 text-red-900" },
  skipped: { label: "skipped", className: "bg-slate-100 text-slate-700" },
} as const;

export default async function RuleLogPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const rule = await getRule(db, id);
  if (!rule) notFound();
  const runs = await listRuleRuns(db, id, 200);
  return (
    <div className="space-y-4">
      <p className="flex gap-4 text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← Automations
        </Link>
        <Link href={`/admin/automations/${rule.id}`} className="text-blue-700 hover:underline">
          Edit this rule
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Log: {rule.name}</h1>
      {runs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          This rule has not fired yet. Its runs appear here, newest first.
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Runs of {rule.name}, newest first (last 200)</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2 pr-3">When</th>
              <th className="py-2 pr-3">Order</th>
              <th className="py-2 pr-3">Outcome</th>
              <th className="py-2">What happened</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const detail = run.detail as { actions?: ActionOutcome[]; message?: string; reason?: string };
              const outcome = OUTCOME[run.outcome];
              return (
                <tr key={run.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(run.createdAt)}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/orders/${encodeURIComponent(run.orderNumber)}`} className="text-blue-700 hover:underline">
                      {run.orderNumber}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${outcome.className}`}>{outcome.label}</span>
                  </td>
                  <td className="py-2">
                    {detail.actions?.length ? (
                      <ol className="list-decimal pl-5">
                        {detail.actions.map((a) => (
                          <li key={a.index} className={a.outcome === "failed" ? "text-red-800" : undefined}>
                            {a.summary}
                            {a.reason && <span className="text-xs"> ({a.reason.replaceAll("_", " ")})</span>}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <span className="text-slate-600">
                        {detail.reason === "conditions" ? "Conditions did not hold" : (detail.message ?? detail.reason?.replaceAll("_", " ") ?? "")}
                      </span>
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
