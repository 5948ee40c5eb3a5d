import { getLocale, getTranslations } from "next-intl/server";
import { editableNames } from "@/components/admin/name-translations";
import { OrderTypesEditor } from "@/components/admin/order-types-editor";
import { getDb } from "@/db";
import { listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { nameIn } from "@/lib/i18n/name-in";
import { lintWorkflow } from "@/lib/workflow";
import { loadAllDefinitions } from "@/lib/workflow-config";
import { copyMatrixAction, createOrderTypeAction, reorderOrderTypesAction, updateOrderTypeAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("workflows");
  return { title: t("metaTitle") };
}

export default async function WorkflowsPage() {
  await requirePageUser("admin");
  const [t, locale] = await Promise.all([getTranslations("workflows"), getLocale()]);
  const db = await getDb();
  const [definitions, board] = await Promise.all([loadAllDefinitions(db), listStatusesByGroup({ db })]);
  const types = definitions.map(({ type, definition }) => {
    const issues = lintWorkflow(definition);
    return {
      id: type.id,
      code: type.code,
      name: nameIn(type, locale),
      stored: editableNames(type),
      initialStatusId: type.initialStatusId,
      transitionCount: definition.transitions.length,
      errorCount: issues.filter((i) => i.severity === "error").length,
      warningCount: issues.filter((i) => i.severity === "warning").length,
    };
  });
  const statuses = board.flatMap((b) => b.statuses.map((s) => ({ id: s.id, name: nameIn(s, locale), archived: s.archivedAt !== null })));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
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
