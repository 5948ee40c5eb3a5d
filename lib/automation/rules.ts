import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { automationRules, automationRuns, orders, orderTypes, statuses, type AutomationRule } from "@/db/schema";
import { ok, refuse, validationFailed, type FieldErrors, type Result } from "@/lib/result";
import { ruleInputSchema, toStoredRule, type RuleInput, type RuleSpec } from "./schemas";
import { inTransaction } from "@/db/transaction";
import { recordAudit, recordAuditIfChanged, type AuditActor } from "@/lib/audit";

export async function listRules(db: DbOrTx): Promise<AutomationRule[]> {
  return db.select().from(automationRules).orderBy(asc(automationRules.position), asc(automationRules.id));
}

export async function getRule(db: DbOrTx, id: number): Promise<AutomationRule | undefined> {
  const [rule] = await db.select().from(automationRules).where(eq(automationRules.id, id));
  return rule;
}

/** Status and order-type codes a rule names, each with the form field that names it. */
function referencesOf(spec: RuleSpec) {
  const statusRefs: [string, string][] = [];
  if ("statusCode" in spec.trigger) statusRefs.push(["trigger.statusCode", spec.trigger.statusCode]);
  spec.conditions.statuses.forEach((code) => statusRefs.push(["conditions.statuses", code]));
  spec.actions.forEach((action, i) => {
    if ("statusCode" in action) statusRefs.push([`actions.${i}.statusCode`, action.statusCode]);
  });
  const typeRefs: [string, string][] = spec.conditions.orderTypes.map((code) => ["conditions.orderTypes", code]);
  return { statusRefs, typeRefs };
}

/** Every code a rule names must exist now (it may be archived or deleted later: the run then fails visibly). */
async function checkReferences(db: DbOrTx, spec: RuleSpec): Promise<FieldErrors> {
  const { statusRefs, typeRefs } = referencesOf(spec);
  const errors: FieldErrors = {};
  const codes = (refs: [string, string][]) => [...new Set(refs.map(([, code]) => code))];
  const knownStatuses = statusRefs.length
    ? new Set((await db.select({ code: statuses.code }).from(statuses).where(inArray(statuses.code, codes(statusRefs)))).map((r) => r.code))
    : new Set<string>();
  const knownTypes = typeRefs.length
    ? new Set((await db.select({ code: orderTypes.code }).from(orderTypes).where(inArray(orderTypes.code, codes(typeRefs)))).map((r) => r.code))
    : new Set<string>();
  for (const [field, code] of statusRefs) {
    if (!knownStatuses.has(code)) (errors[field] ??= []).push(`There is no status with code "${code}"`);
  }
  for (const [field, code] of typeRefs) {
    if (!knownTypes.has(code)) (errors[field] ??= []).push(`There is no order type with code "${code}"`);
  }
  return errors;
}

async function validateRule(db: DbOrTx, raw: RuleInput): Promise<Result<RuleSpec>> {
  const parsed = ruleInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const fieldErrors = await checkReferences(db, parsed.data);
  if (Object.keys(fieldErrors).length) {
    return refuse("validation_failed", `Please check: ${Object.keys(fieldErrors).join(", ")}.`, { fieldErrors });
  }
  return ok(parsed.data);
}

/** A rule as the audit trail keeps it: what it does, not where it sits or when it was saved. */
function auditedRule(rule: AutomationRule): Record<string, unknown> {
  return {
    name: rule.name,
    trigger: rule.trigger,
    triggerConfig: rule.triggerConfig,
    conditions: rule.conditions,
    actions: rule.actions,
    enabled: rule.enabled,
  };
}

const subjectOf = (rule: AutomationRule) => ({ id: rule.id, label: rule.name });

/** A new rule goes to the end of the list: it runs after the rules already there. */
export async function createRule(db: DbOrTx, raw: RuleInput, actor: AuditActor): Promise<Result<AutomationRule>> {
  const valid = await validateRule(db, raw);
  if (!valid.ok) return valid;
  return inTransaction(db, async (tx) => {
    const [rule] = await tx
      .insert(automationRules)
      .values({
        ...toStoredRule(valid.value),
        position: sql`(select coalesce(max(${automationRules.position}) + 1, 0) from ${automationRules})`,
      })
      .returning();
    await recordAudit(tx, { actor, kind: "automation_rule", action: "created", subject: subjectOf(rule!), after: auditedRule(rule!) });
    return ok(rule!);
  });
}

export async function updateRule(db: DbOrTx, id: number, raw: RuleInput, actor: AuditActor): Promise<Result<AutomationRule>> {
  const valid = await validateRule(db, raw);
  if (!valid.ok) return valid;
  return inTransaction(db, async (tx) => {
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, id)).for("update");
    if (!current) return refuse("not_found", "This rule no longer exists.");
    const [rule] = await tx
      .update(automationRules)
      .set({ ...toStoredRule(valid.value), updatedAt: new Date() })
      .where(eq(automationRules.id, id))
      .returning();
    await recordAuditIfChanged(tx, {
      actor,
      kind: "automation_rule",
      action: "updated",
      subject: subjectOf(rule!),
      before: auditedRule(current),
      after: auditedRule(rule!),
    });
    return ok(rule!);
  });
}

export async function setRuleEnabled(db: DbOrTx, id: number, enabled: boolean, actor: AuditActor): Promise<Result<AutomationRule>> {
  return inTransaction(db, async (tx) => {
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, id)).for("update");
    if (!current) return refuse("not_found", "This rule no longer exists.");
    const [rule] = await tx
      .update(automationRules)
      .set({ enabled, updatedAt: new Date() })
      .where(eq(automationRules.id, id))
      .returning();
    await recordAuditIfChanged(tx, {
      actor,
      kind: "automation_rule",
      action: enabled ? "enabled" : "disabled",
      subject: subjectOf(rule!),
      before: { enabled: current.enabled },
      after: { enabled },
    });
    return ok(rule!);
  });
}

/** Deletes the rule and its log (the order histories keep their events). */
export async function deleteRule(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (tx) => {
    const [deleted] = await tx.delete(automationRules).where(eq(automationRules.id, id)).returning();
    if (!deleted) return refuse("not_found", "This rule no longer exists.");
    await recordAudit(tx, { actor, kind: "automation_rule", action: "deleted", subject: subjectOf(deleted), before: auditedRule(deleted) });
    return ok({ id });
  });
}

/**
 * Saves the order the admin sees. Rules the page did not know about (added meanwhile) keep their
 * relative order after the listed ones, as in the workflow studio; an unknown id refuses the drag.
 */
export async function reorderRules(db: DbOrTx, ids: number[], actor: AuditActor): Promise<Result<{ ids: number[] }>> {
  if (new Set(ids).size !== ids.length) return refuse("validation_failed", "A rule appears twice in the new order.");
  return inTransaction(db, async (tx) => {
    const all = await listRules(tx);
    const known = new Set(all.map((r) => r.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) return refuse("not_found", "A rule in the new order no longer exists. Reload the page.");
    const ordered = [...ids, ...all.map((r) => r.id).filter((id) => !ids.includes(id))];
    for (const [position, id] of ordered.entries()) {
      await tx.update(automationRules).set({ position }).where(eq(automationRules.id, id));
    }
    const nameOf = new Map(all.map((r) => [r.id, r.name]));
    await recordAuditIfChanged(tx, {
      actor,
      kind: "automation_rule",
      action: "reordered",
      subject: { id: null, label: "" },
      before: { order: all.map((r) => r.name) },
      after: { order: ordered.map((id) => nameOf.get(id) ?? String(id)) },
    });
    return ok({ ids: ordered });
  });
}

export type RuleRunRow = {
  id: number;
  orderNumber: string;
  outcome: "done" | "failed" | "skipped";
  detail: Record<string, unknown>;
  createdAt: Date;
};

/** A rule's log, newest first. */
export async function listRuleRuns(db: DbOrTx, ruleId: number, limit = 100): Promise<RuleRunRow[]> {
  return db
    .select({
      id: automationRuns.id,
      orderNumber: orders.number,
      outcome: automationRuns.outcome,
      detail: automationRuns.detail,
      createdAt: automationRuns.createdAt,
    })
    .from(automationRuns)
    .innerJoin(orders, eq(orders.id, automationRuns.orderId))
    .where(eq(automationRuns.ruleId, ruleId))
    .orderBy(desc(automationRuns.id))
    .limit(limit);
}
