import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { RuleEditor } from "@/components/automations/rule-editor";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { createRuleAction } from "../actions";
import { loadEditorOptions } from "../names";

export async function generateMetadata() {
  const t = await getTranslations("automations");
  return { title: t("newRuleTitle") };
}

export default async function NewRulePage() {
  await requirePageUser("admin");
  const [t, locale] = await Promise.all([getTranslations("automations"), getLocale()]);
  const options = await loadEditorOptions(await getDb(), locale);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← {t("title")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("newRule")}</h1>
      <RuleEditor options={options} save={createRuleAction} />
    </div>
  );
}
