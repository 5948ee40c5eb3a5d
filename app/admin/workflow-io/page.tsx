import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/admin/import-panel";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { applyImportAction, previewImportAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("workflows.io");
  return { title: t("metaTitle") };
}

export default async function WorkflowIoPage() {
  await requirePageUser("admin");
  const t = await getTranslations("workflows.io");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("export")}>
        <a href="/admin/workflow-io/export" download className={buttonClasses("primary")}>
          {t("download")}
        </a>
      </Card>
      <Card title={t("import")}>
        <ImportPanel preview={previewImportAction} apply={applyImportAction} />
      </Card>
    </div>
  );
}
