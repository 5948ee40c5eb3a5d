import Link from "next/link";
import { RuleEditor } from "@/components/automations/rule-editor";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { loadNameLookup } from "@/lib/automation";
import { createRuleAction } from "../actions";

export const metadata = { title: "New automation rule" };

export default async function NewRulePage() {
  await requirePageUser("admin");
  const { statuses, orderTypes } = await loadNameLookup(await getDb());
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/automations" className="text-blue-700 hover:underline">
          ← Automations
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New rule</h1>
      <RuleEditor options={{ statuses, orderTypes }} save={createRuleAction} />
    </div>
  );
}
