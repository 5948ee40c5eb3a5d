import type { EntityDiff, WorkflowDiff } from "@/lib/workflow-config/diff";

function Entities({ title, diff }: { title: string; diff: EntityDiff }) {
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <ul className="space-y-0.5 text-sm">
        {diff.added.map((id) => (
          <li key={`a-${id}`} className="text-green-800">
            + {id} <span className="text-xs">(new)</span>
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.id}`} className="text-amber-800">
            ~ {c.id}: {c.fields.join(", ")}
          </li>
        ))}
        {diff.kept.length > 0 && <li className="text-slate-500">Not in the document, kept as they are: {diff.kept.join(", ")}</li>}
        <li className="text-slate-500">{diff.unchanged} unchanged</li>
      </ul>
    </div>
  );
}

/** What an import would change, in words and +/− lines. */
export function ImportDiff({ diff }: { diff: WorkflowDiff }) {
  if (diff.empty) return <p className="text-sm text-slate-600">Nothing would change.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2" aria-label="Changes the import would make">
      <Entities title="Groups" diff={diff.groups} />
      <Entities title="Statuses" diff={diff.statuses} />
      <Entities title="Order types" diff={diff.orderTypes} />
      <div className="space-y-1">
        <h3 className="text-sm font-semibold text-slate-800">Matrices</h3>
        {diff.matrices.length === 0 && <p className="text-sm text-slate-500">No matrix changes.</p>}
        {diff.matrices.map((m) => (
          <ul key={m.orderType} className="text-sm" aria-label={`Matrix of ${m.orderType}`}>
            <li className="font-medium">{m.orderType}</li>
            {m.added.map(([f, t]) => (
              <li key={`+${f}>${t}`} className="text-green-800">
                + {f} → {t}
              </li>
            ))}
            {m.removed.map(([f, t]) => (
              <li key={`-${f}>${t}`} className="text-red-800">
                − {f} → {t}
              </li>
            ))}
          </ul>
        ))}
      </div>
    </div>
  );
}
