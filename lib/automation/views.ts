import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { automationRuns, orderTypes, statuses } from "@/db/schema";
import { describeRule, type NameLookup } from "./describe";
import { listRules } from "./rules";
import { parseStoredRule } from "./schemas";

/** Display names for the codes rules use; a code no longer there shows as itself. */
export async function loadNameLookup(db: DbOrTx): Promise<NameLookup & { statuses: { code: string; name: string; archived: boolean }[]; orderTypes: { code: string; name: string }[] }> {
  const [statusRows, typeRows] = await Promise.all([
    db.select({ code: statuses.code, name: statuses.name, archivedAt: statuses.archivedAt }).from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
    db.select({ code: orderTypes.code, name: orderTypes.name }).from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id)),
  ]);
  const statusNames = new Map(statusRows.map((s) => [s.code, s.name]));
  const typeNames = new Map(typeRows.map((t) => [t.code, t.name]));
  return {
    status: (code) => statusNames.get(code) ?? code,
    orderType: (code) => typeNames.get(code) ?? code,
    statuses: statusRows.map((s) => ({ code: s.code, name: s.name, archived: s.archivedAt !== null })),
    orderTypes: typeRows,
  };
}

/** The rules as the list shows them: each with its sentence and its failures of the last week. */
export async function listRuleSummaries(db: DbOrTx, now = new Date()) {
  const [rules, names, failures] = await Promise.all([
    listRules(db),
    loadNameLookup(db),
    db
      .select({ ruleId: automationRuns.ruleId, n: sql<number>`count(*)::int` })
      .from(automationRuns)
      .where(and(eq(automationRuns.outcome, "failed"), gt(automationRuns.createdAt, new Date(now.getTime() - 7 * 86_400_000))))
      .groupBy(automationRuns.ruleId),
  ]);
  const failed = new Map(failures.map((f) => [f.ruleId, f.n]));
  return rules.map((rule) => {
    const spec = parseStoredRule(rule);
    return {
      id: rule.id,
      name: rule.name,
      enabled: rule.enabled,
      sentence: spec ? describeRule(spec, names) : "This rule's stored settings are not valid: open it and save it again.",
      recentFailures: failed.get(rule.id) ?? 0,
    };
  });
}
