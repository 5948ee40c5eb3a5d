import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders, roles, roleStatusRights, users } from "@/db/schema";
import { loadStatusRights, withStatusRights } from "@/lib/roles/status-rights";
import { evaluateTransition } from "@/lib/workflow";
import { archiveStatus, createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { loadTransitionCheck } from "./transition-check";
import { loadWorkflowDefinition } from "./workflow-definition";

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

describe("loadTransitionCheck", () => {
  it("judges every change of every status exactly as the whole definition does, refusals and allowed lists included", async () => {
    const wf = await createRetailWorkflow(db);
    await archiveStatus(db, wf.status.invoiced.id);
    const order = await createTestOrder(db, wf.type.code);
    const all = Object.values(wf.status);
    const whole = await loadWorkflowDefinition(db, wf.type.id);
    if (!whole) throw new Error("definition missing");

    for (const from of all) {
      // Test setup, not a status change: put the order in each status in turn.
      await db.update(orders).set({ statusId: from.id }).where(eq(orders.id, order.id));
      for (const to of all) {
        for (const ref of [{ id: to.id }, { code: to.code }]) {
          const check = await db.transaction((tx) => loadTransitionCheck(tx, { order: { id: order.id }, to: ref, userId: null }));
          expect(check.fromStatusId).toBe(from.id);
          expect(check.target?.id).toBe(to.id);
          if (!check.definition) throw new Error("slice missing");
          for (const paid of [false, true]) {
            const facts = { statusId: from.id, paid, paymentMethod: "transfer" };
            expect(evaluateTransition(check.definition, facts, to.id)).toEqual(evaluateTransition(whole, facts, to.id));
          }
        }
      }
    }
  });

  it("judges a person whose role limits statuses exactly as the whole definition with that role's rights does", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const all = Object.values(wf.status);
    // Rights to every other status of the order type, and to one status in no order type of theirs.
    const [role] = await db.insert(roles).values({ name: `Limited ${wf.type.code}`, limitsStatuses: true }).returning();
    const granted = all.filter((_, i) => i % 2 === 0);
    await db.insert(roleStatusRights).values(granted.map((s) => ({ roleId: role!.id, orderTypeId: wf.type.id, statusId: s.id })));
    const [person] = await db.insert(users).values({ email: `limited-${wf.type.code}@example.com`, name: "Limited", roleId: role!.id }).returning();
    const whole = await loadWorkflowDefinition(db, wf.type.id);
    if (!whole) throw new Error("definition missing");
    const seen = withStatusRights(whole, await loadStatusRights(db, role!.id), wf.type.id);
    const codes = new Set<string>();

    for (const from of all) {
      await db.update(orders).set({ statusId: from.id }).where(eq(orders.id, order.id));
      for (const to of all) {
        const check = await db.transaction((tx) => loadTransitionCheck(tx, { order: { id: order.id }, to: { id: to.id }, userId: person!.id }));
        if (!check.definition) throw new Error("slice missing");
        for (const paid of [false, true]) {
          const facts = { statusId: from.id, paid, paymentMethod: "transfer" };
          const verdict = evaluateTransition(check.definition, facts, to.id);
          expect(verdict).toEqual(evaluateTransition(seen, facts, to.id));
          codes.add(verdict.ok ? "ok" : verdict.code);
        }
      }
    }
    // The walk met every kind of verdict, the role's own refusal among them.
    expect([...codes].sort()).toEqual(["guard_failed", "ok", "status_not_permitted", "transition_not_allowed"]);
  });

  it("finds no target for an unknown status and no order for an unknown id", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const unknownTarget = await db.transaction((tx) => loadTransitionCheck(tx, { order: { id: order.id }, to: { code: "no_such_status" }, userId: null }));
    expect(unknownTarget.target).toBeUndefined();
    expect(unknownTarget.fromStatusId).toBe(wf.status.new.id);
    const unknownOrder = await db.transaction((tx) => loadTransitionCheck(tx, { order: { id: 999_999_999 }, to: { id: wf.status.new.id }, userId: null }));
    expect(unknownOrder.fromStatusId).toBeNull();
    expect(unknownOrder.definition).toBeUndefined();
  });
});
