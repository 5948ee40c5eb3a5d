import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders } from "@/db/schema";
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
          const check = await db.transaction((tx) => loadTransitionCheck(tx, { orderId: order.id, to: ref }));
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

  it("finds no target for an unknown status and no order for an unknown id", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const unknownTarget = await db.transaction((tx) => loadTransitionCheck(tx, { orderId: order.id, to: { code: "no_such_status" } }));
    expect(unknownTarget.target).toBeUndefined();
    expect(unknownTarget.fromStatusId).toBe(wf.status.new.id);
    const unknownOrder = await db.transaction((tx) => loadTransitionCheck(tx, { orderId: 999_999_999, to: { id: wf.status.new.id } }));
    expect(unknownOrder.fromStatusId).toBeNull();
    expect(unknownOrder.definition).toBeUndefined();
  });
});
