import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { automationRules, orderEvents, orders, orderTypes, statusGroups, statuses, transitions } from "@/db/schema";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { createRule } from "./rules";
import type { RuleInput } from "./schemas";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

/** Saves a rule through the real validation; a test's rule that does not validate is a broken test. */
export async function addRule(db: DbOrTx, input: RuleInput) {
  const result = await createRule(db, input, SYSTEM_AUDIT_ACTOR);
  if (!result.ok) throw new Error(`addRule: ${result.error.message} ${JSON.stringify(result.error.fieldErrors)}`);
  return result.value;
}

/**
 * A process of its own for chain tests: statuses s0..s{n-1} in a line, each allowed to go to the
 * next, plus the extra pairs asked for (by index). s0 is the initial status.
 */
export async function createLineWorkflow(db: DbOrTx, n: number, extra: [number, number][] = []) {
  await createRetailWorkflow(db); // makes sure the status groups exist
  const [group] = await db.select().from(statusGroups).where(eq(statusGroups.kind, "in_progress"));
  const suffix = randomBytes(4).toString("hex");
  const line = await db
    .insert(statuses)
    .values(Array.from({ length: n }, (_, i) => ({ code: `s${i}_${suffix}`, name: `Step ${i}`, colour: "#334155", groupId: group!.id, position: i })))
    .returning();
  const [type] = await db.insert(orderTypes).values({ code: `line_${suffix}`, name: "Line", initialStatusId: line[0]!.id }).returning();
  const pairs = [...Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]), ...extra];
  await db.insert(transitions).values(pairs.map(([a, b]) => ({ orderTypeId: type!.id, fromStatusId: line[a]!.id, toStatusId: line[b]!.id })));
  return { type: type!, line };
}

export async function historyOf(db: DbOrTx, orderId: number) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
}

export async function reload(db: DbOrTx, orderId: number) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order!;
}

/** Switches every rule off, so one test's rules cannot act on the next test's orders. */
export async function disableAllRules(db: DbOrTx) {
  await db.update(automationRules).set({ enabled: false });
}
