import Link from "next/link";
import { DryRunPanel } from "@/components/automations/dry-run-panel";
import { PresetList } from "@/components/automations/preset-list";
import { RuleList } from "@/components/automations/rule-list";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { listAutomationPresets, listRuleSummaries } from "@/lib/automation";
import { applyAutomationPresetAction, deleteRuleAction, dryRunAction, reorderRulesAction, setRuleEnabledAction } from "./actions";

export const metadata = { title: "Automations" };

export default async function AutomationsPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  await requirePageUser("admin");
  const db = await getDb();
  const [rules, presets, { order }] = await Promise.all([listRuleSummaries(db), listAutomationPresets(db), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Automations</h1>
          <p className="max-w-3xl text-sm text-slate-600">
            Rules run top to bottom whenever their trigger happens. Every status change they make goes through the process&apos;s
            matrix and payment gate and shows in the order&apos;s history as done by the rule; a refused action is recorded on the
            order and in the rule&apos;s log. Drag a rule by its handle to reorder (keyboard: focus the handle, Space, arrows, Space).
          </p>
        </div>
        <Link href="/admin/automations/new" className={buttonClasses("primary")}>
          New rule
        </Link>
      </div>
      <RuleList rules={rules} reorder={reorderRulesAction} setEnabled={setRuleEnabledAction} deleteRule={deleteRuleAction} />
      <Card title="Dry run: what would the rules do to an order?">
        <DryRunPanel dryRun={dryRunAction} initialNumber={order} />
      </Card>
      <Card title="Presets from real shops">
        <PresetList
          presets={presets.map((p) => ({ key: p.key, title: p.title, description: p.description, ruleCount: p.rules.length, missingStatuses: p.missingStatuses }))}
          applyPreset={applyAutomationPresetAction}
        />
      </Card>
    </div>
  );
}
