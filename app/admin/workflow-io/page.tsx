import { ImportPanel } from "@/components/admin/import-panel";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { applyImportAction, previewImportAction } from "./actions";

export const metadata = { title: "Import / export" };

export default async function WorkflowIoPage() {
  await requirePageUser("admin");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Import and export</h1>
        <p className="text-sm text-slate-600">
          The whole workflow (groups, statuses, order types, matrices, comment templates) as one JSON document, e.g. to keep it in
          version control or copy it to another shop.
        </p>
      </div>
      <Card title="Export">
        <a href="/admin/workflow-io/export" download className={buttonClasses("primary")}>
          Download workflow (JSON)
        </a>
      </Card>
      <Card title="Import">
        <ImportPanel preview={previewImportAction} apply={applyImportAction} />
      </Card>
    </div>
  );
}
