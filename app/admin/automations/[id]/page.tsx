import Link from "next/link";
import { notFound } from "next/navigation";
import { ruleToDraft } from "@/components/automations/rule-draft";
import { RuleEditor } from "@/components/automations/rule-editor";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getRule, loadNameLookup, parseStoredRule } from "@/lib/automation";
import { updateRuleAction } from "../actions";

export const metadata = { title: "Automation rule" };

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [rule, { statuses, orderTypes }] = await Promise.all([getRule(db, id), loadNameLookup(db)]);
  if (!rule) notFound();
  const spec = parseStoredRule(rule);
  return (
    <div className="space-y-4">
      <p className="flex gap-4 text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← Automations
        </Link>
        <Link href={`/admin/automations/${rule.id}/log`} className="text-blue-700 hover:underline">
          This rule&apos;s log
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{rule.name}</h1>
      {!spec && <Alert tone="warning">This rule&apos;s stored settings are not valid. Set it up again below and save.</Alert>}
      <RuleEditor
        ruleId={rule.id}
        initial={spec ? ruleToDraft({ ...spec, name: rule.name, enabled: rule.enabled }) : undefined}
        options={{ statuses, orderTypes }}
        save={updateRuleAction}
      />
    </div>
  );
}
