import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ruleToDraft } from "@/components/automations/rule-draft";
import { RuleEditor } from "@/components/automations/rule-editor";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getRule, parseStoredRule } from "@/lib/automation";
import { idFromSegment } from "@/lib/url-params";
import { updateRuleAction } from "../actions";
import { loadEditorOptions } from "../names";

export async function generateMetadata() {
  const t = await getTranslations("automations");
  return { title: t("ruleTitle") };
}

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = idFromSegment((await params).id);
  if (id === undefined) notFound();
  const db = await getDb();
  const [t, locale] = await Promise.all([getTranslations("automations"), getLocale()]);
  const [rule, options] = await Promise.all([getRule(db, id), loadEditorOptions(db, locale)]);
  if (!rule) notFound();
  const spec = parseStoredRule(rule);
  return (
    <div className="space-y-4">
      <p className="flex gap-4 text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← {t("title")}
        </Link>
        <Link href={`/admin/automations/${rule.id}/log`} className="text-blue-700 hover:underline">
          {t("ruleLog")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{rule.name}</h1>
      {!spec && <Alert tone="warning">{t("invalidStored")}</Alert>}
      <RuleEditor
        ruleId={rule.id}
        initial={spec ? ruleToDraft({ ...spec, name: rule.name, enabled: rule.enabled }) : undefined}
        options={options}
        save={updateRuleAction}
      />
    </div>
  );
}
