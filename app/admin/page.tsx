import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { listOrderTypes, listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { loadWorkflowDefinition } from "@/lib/orders";
import { lintWorkflow } from "@/lib/workflow";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePageUser("admin");
  const db = await getDb();
  const [groups, types] = await Promise.all([listStatusesByGroup({ db }), listOrderTypes({ db })]);
  const checks = await Promise.all(
    types.map(async ({ type }) => {
      const definition = await loadWorkflowDefinition(db, type.id);
      return { type, issues: definition ? lintWorkflow(definition) : [] };
    }),
  );

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Workflow</h1>
        <p className="text-sm text-slate-600">The shop&apos;s statuses, order types and the health of each process.</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
        {groups.map(({ group, statuses }) => (
          <Card key={group.id} title={group.name}>
            {statuses.length === 0 ? (
              <p className="text-sm text-slate-500">No statuses in this group.</p>
            ) : (
              <ul className="space-y-2">
                {statuses.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-2 text-sm">
                    <StatusBadge name={s.name} colour={s.colour} />
                    <code className="text-xs text-slate-500">{s.code}</code>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
      <Card title="Order types">
        <ul className="space-y-4">
          {checks.map(({ type, issues }) => (
            <li key={type.id} className="space-y-2">
              <p className="text-sm">
                <span className="font-medium">{type.name}</span> <code className="text-xs text-slate-500">{type.code}</code> · starts in{" "}
                {types.find((t) => t.type.id === type.id)?.initialStatus}
              </p>
              {issues.length === 0 ? (
                <Alert tone="success">The process is consistent.</Alert>
              ) : (
                issues.map((issue, i) => (
                  <Alert key={i} tone={issue.severity === "error" ? "error" : "warning"}>
                    {issue.message}
                  </Alert>
                ))
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
