import { OrderTypesEditor } from "@/components/admin/order-types-editor";
import { getDb } from "@/db";
import { listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { lintWorkflow } from "@/lib/workflow";
import { loadAllDefinitions } from "@/lib/workflow-config";
import { copyMatrixAction, createOrderTypeAction, reorderOrderTypesAction, updateOrderTypeAction } from "./actions";

export const metadata = { title: "Order types" };

export default async function WorkflowsPage() {
  await requirePageUser("admin");
  const db = await getDb();
  const [definitions, board] = await Promise.all([loadAllDefinitions(db), listStatusesByGroup({ db })]);
  const types = definitions.map(({ type, definition }) => {
    const issues = lintWorkflow(definition);
    return {
      id: type.id,
      code: type.code,
      name: type.name,
      initialStatusId: type.initialStatusId,
      transitionCount: definition.transitions.length,
      errorCount: issues.filter((i) => i.severity === "error").length,
      warningCount: issues.filter((i) => i.severity === "warning").length,
    };
  });
  const statuses = board.flatMap((b) => b.statuses.map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null })));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Order types</h1>
        <p className="text-sm text-slate-600">Each order type has its own process: where orders start and which changes are allowed.</p>
      </div>
      <OrderTypesEditor
        types={types}
        statuses={statuses}
        create={createOrderTypeAction}
        update={updateOrderTypeAction}
        reorder={reorderOrderTypesAction}
        copy={copyMatrixAction}
      />
    </div>
  );
}
