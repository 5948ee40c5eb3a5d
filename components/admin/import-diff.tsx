import { useTranslations } from "next-intl";
import type { EntityDiff, WorkflowDiff } from "@/lib/workflow-config/diff";

function Entities({ title, diff }: { title: string; diff: EntityDiff }) {
  const t = useTranslations("workflows.io.diff");
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <ul className="space-y-0.5 text-sm">
        {diff.added.map((id) => (
          <li key={`a-${id}`} className="text-green-800">
            + {id} <span className="text-xs">{t("added")}</span>
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.id}`} className="text-amber-800">
            {"~"} {c.id}: {c.fields.join(", ")}
          </li>
        ))}
        {diff.kept.length > 0 && <li className="text-slate-500">{t("kept", { list: diff.kept.join(", ") })}</li>}
        <li className="text-slate-500">{t("unchanged", { count: diff.unchanged })}</li>
      </ul>
    </div>
  );
}

/** What an import would change, in words and +/− lines. */
export function ImportDiff({ diff }: { diff: WorkflowDiff }) {
  const t = useTranslations("workflows.io.diff");
  if (diff.empty) return <p className="text-sm text-slate-600">{t("nothing")}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2" aria-label={t("label")}>
      <Entities title={t("groups")} diff={diff.groups} />
      <Entities title={t("statuses")} diff={diff.statuses} />
      <Entities title={t("orderTypes")} diff={diff.orderTypes} />
      <div className="space-y-1">
        <h3 className="text-sm font-semibold text-slate-800">{t("matrices")}</h3>
        {diff.matrices.length === 0 && <p className="text-sm text-slate-500">{t("noMatrix")}</p>}
        {diff.matrices.map((m) => (
          <ul key={m.orderType} className="text-sm" aria-label={t("matrixOf", { code: m.orderType })}>
            <li className="font-medium">{m.orderType}</li>
            {m.added.map(([f, to]) => (
              <li key={`+${f}>${to}`} className="text-green-800">
                + {f} → {to}
              </li>
            ))}
            {m.removed.map(([f, to]) => (
              <li key={`-${f}>${to}`} className="text-red-800">
                − {f} → {to}
              </li>
            ))}
          </ul>
        ))}
      </div>
    </div>
  );
}
