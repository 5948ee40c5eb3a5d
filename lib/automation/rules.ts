import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { automationRules, automationRuns, orders, orderTypes, statuses, type AutomationRule } from "@/db/schema";
import { ok, refuse, validationFailed, type FieldErrors, type Result } from "@/lib/result";
import { ruleInputSchema, toStoredRule, type RuleInput, type RuleSpec } from "./schemas";

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

/** A new rule goes to the end of the list: it runs after the rules already there. */
export async function createRule(db: Db, raw: RuleInput): Promise<Result<AutomationRule>> {
  const valid = await validateRule(db, raw);
  if (!valid.ok) return valid;
  const [rule] = await db
    .insert(automationRules)
    .values({
      ...toStoredRule(valid.value),
      position: sql`(select coalesce(max(${automationRules.position}) + 1, 0) from ${automationRules})`,
    })
    .returning();
  return ok(rule!);
}

export async function updateRule(db: Db, id: number, raw: RuleInput): Promise<Result<AutomationRule>> {
  const valid = await validateRule(db, raw);
  if (!valid.ok) return valid;
  const [rule] = await db
    .update(automationRules)
    .set({ ...toStoredRule(valid.value), updatedAt: new Date() })
    .where(eq(automationRules.id, id))
    .returning();
  return rule ? ok(rule) : refuse("not_found", "This rule no longer exists.");
}

export async function setRuleEnabled(db: Db, id: number, enabled: boolean): Promise<Result<AutomationRule>> {
  const [rule] = await db
    .update(automationRules)
    .set({ enabled, updatedAt: new Date() })
    .where(eq(automationRules.id, id))
    .returning();
  return rule ? ok(rule) : refuse("not_found", "This rule no longer exists.");
}

/** Deletes the rule and its log (the order histories keep their events). */
export async function deleteRule(db: Db, id: number): Promise<Result<{ id: number }>> {
  const deleted = await db.delete(automationRules).where(eq(automationRules.id, id)).returning({ id: automationRules.id });
  return deleted.length ? ok({ id }) : refuse("not_found", "This rule no longer exists.");
}

/**
 * Saves the order the admin sees. Rules the page did not know about (added meanwhile) keep their
 * relative order after the listed ones, as in the workflow studio; an unknown id refuses the drag.
 */
export async function reorderRules(db: Db, ids: number[]): Promise<Result<{ ids: number[] }>> {
  if (new Set(ids).size !== ids.length) return refuse("validation_failed", "A rule appears twice in the new order.");
  return db.transaction(async (tx) => {
    const all = await listRules(tx);
    const known = new Set(all.map((r) => r.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) return refuse("not_found", "A rule in the new order no longer exists. Reload the page.");
    const ordered = [...ids, ...all.map((r) => r.id).filter((id) => !ids.includes(id))];
    for (const [position, id] of ordered.entries()) {
      await tx.update(automationRules).set({ position }).where(eq(automationRules.id, id));
    }
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
