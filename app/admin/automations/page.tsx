import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DryRunPanel } from "@/components/automations/dry-run-panel";
import { PresetList } from "@/components/automations/preset-list";
import { RuleList } from "@/components/automations/rule-list";
import { describeRule, namesFrom } from "@/components/automations/words";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { listAutomationPresets, listRules, listRuleSummaries, parseStoredRule } from "@/lib/automation";
import { getSettings } from "@/lib/settings";
import { applyAutomationPresetAction, deleteRuleAction, dryRunAction, reorderRulesAction, setRuleEnabledAction } from "./actions";
import { loadEditorOptions } from "./names";

export async function generateMetadata() {
  const t = await getTranslations("automations");
  return { title: t("title") };
}

export default async function AutomationsPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  await requirePageUser("admin");
  const db = await getDb();
  const [t, locale] = await Promise.all([getTranslations("automations"), getLocale()]);
  const [summaries, stored, presets, options, settings, { order }] = await Promise.all([
    listRuleSummaries(db),
    listRules(db),
    listAutomationPresets(db),
    loadEditorOptions(db, locale),
    getSettings(db),
    searchParams,
  ]);
  // Each rule's sentence in the reader's language (the summaries' own sentence is English).
  const wording = { t, locale, names: namesFrom(options) };
  const specs = new Map(stored.map((rule) => [rule.id, parseStoredRule(rule)]));
  const rules = summaries.map((rule) => {
    const spec = specs.get(rule.id);
    return { ...rule, sentence: spec ? describeRule(spec, wording) : t("invalidSentence") };
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/admin/automations/new" className={buttonClasses("primary")}>
          {t("newRule")}
        </Link>
      </div>
      <RuleList rules={rules} reorder={reorderRulesAction} setEnabled={setRuleEnabledAction} deleteRule={deleteRuleAction} />
      <Card title={t("dryRunCard")}>
        <DryRunPanel dryRun={dryRunAction} initialNumber={order} options={options} currency={settings.currency} />
      </Card>
      <Card title={t("presetsCard")}>
        <PresetList
          presets={presets.map((p) => ({ key: p.key, title: p.title, description: p.description, ruleCount: p.rules.length, missingStatuses: p.missingStatuses }))}
          applyPreset={applyAutomationPresetAction}
        />
      </Card>
    </div>
  );
}
