import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, orders, statuses, transitions } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { applyImport, exportWorkflow, previewImport } from "./export-import";
import { setTransition, setTransitionRow } from "./matrix";
import { copyMatrix, createOrderType } from "./order-types";
import { setStatusArchived } from "./statuses";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

type Workflow = Awaited<ReturnType<typeof createRetailWorkflow>>;

/** `count` orders of the workflow's type, placed in `statusId` (how they got there does not matter here). */
async function ordersIn(workflow: Workflow, statusId: number, count: number) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await createTestOrder(handle.db, workflow.type.code)).id);
  await handle.db.update(orders).set({ statusId }).where(inArray(orders.id, ids));
}

const rowOf = async (orderTypeId: number, from: number) =>
  (await handle.db.select().from(transitions).where(and(eq(transitions.orderTypeId, orderTypeId), eq(transitions.fromStatusId, from))))
    .map((t) => t.toStatusId)
    .sort();

const strandedEntries = async (label: string) =>
  handle.db.select().from(auditLog).where(and(eq(auditLog.action, "orders_stranded"), eq(auditLog.subjectLabel, label)));

describe("a workflow write that would strand open orders", () => {
  it("is refused with the count per order type and status, and changes nothing", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.shipped.id, 3);
    const before = await rowOf(w.type.id, w.status.shipped.id);
    const refused = await setTransitionRow(handle.db, { orderTypeId: w.type.id, from: w.status.shipped.id, mode: "clear" }, SYSTEM_AUDIT_ACTOR);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: "would_strand_orders",
        details: {
          total: 3,
          stranded: [
            {
              orderType: { id: w.type.id, code: w.type.code, name: "Retail" },
              status: { id: w.status.shipped.id, code: w.status.shipped.code, name: "Shipped" },
              orders: 3,
            },
          ],
        },
      },
    });
    expect(refused.ok || refused.error.message).toContain("3 open orders with no way forward: 3 in Shipped (Retail)");
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual(before);
  });

  it("is kept and audited when confirmed with the count the admin was shown", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.shipped.id, 2);
    const kept = await setTransitionRow(handle.db, { orderTypeId: w.type.id, from: w.status.shipped.id, mode: "clear", confirmStranded: 2 }, SYSTEM_AUDIT_ACTOR);
    expect(kept.ok).toBe(true);
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual([]);
    const entries = await handle.db.select().from(auditLog).where(and(eq(auditLog.kind, "matrix"), eq(auditLog.subjectId, String(w.type.id))));
    expect(entries.map((e) => e.action).sort()).toEqual(["orders_stranded", "updated"]);
    expect(entries.find((e) => e.action === "orders_stranded")?.after).toEqual({ strandedOrders: ["Shipped: 2"] });
  });

  it("is refused again, with the new count, when the confirmed count is stale", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.shipped.id, 2);
    const first = await setTransition(handle.db, { orderTypeId: w.type.id, from: w.status.shipped.id, to: w.status.completed.id, allowed: false }, SYSTEM_AUDIT_ACTOR);
    expect(first).toMatchObject({ ok: false, error: { code: "would_strand_orders", details: { total: 2 } } });
    // Another order reaches Shipped while the admin reads the question.
    await ordersIn(w, w.status.shipped.id, 1);
    const stale = await setTransition(
      handle.db,
      { orderTypeId: w.type.id, from: w.status.shipped.id, to: w.status.completed.id, allowed: false, confirmStranded: 2 },
      SYSTEM_AUDIT_ACTOR,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: "would_strand_orders", details: { total: 3 } } });
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual([w.status.completed.id]);
    expect(await strandedEntries("Retail").then((e) => e.filter((x) => x.subjectId === String(w.type.id)))).toEqual([]);
  });

  it("counts the orders behind a status whose last exit is archived, not those in it with an exit of their own", async () => {
    const w = await createRetailWorkflow(handle.db);
    // Invoiced leads only to Shipped: archiving Shipped strands the orders waiting in Invoiced...
    await ordersIn(w, w.status.invoiced.id, 2);
    // ...and those in Shipped, which is open and whose own row (→ Completed) still works: not stranded.
    await ordersIn(w, w.status.shipped.id, 1);
    const refused = await setStatusArchived(handle.db, w.status.shipped.id, true, SYSTEM_AUDIT_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: "would_strand_orders", details: { total: 2, stranded: [{ status: { name: "Invoiced" }, orders: 2 }] } } });
    const [still] = await handle.db.select().from(statuses).where(eq(statuses.id, w.status.shipped.id));
    expect(still?.archivedAt).toBeNull();
    const kept = await setStatusArchived(handle.db, w.status.shipped.id, true, SYSTEM_AUDIT_ACTOR, { confirmStranded: 2 });
    expect(kept.ok && kept.value.archivedAt).toBeInstanceOf(Date);
  });

  it("never counts orders in statuses that close the order", async () => {
    const w = await createRetailWorkflow(handle.db);
    // Reopening a completed order is only a warning; its orders are done whatever the row says.
    expect((await setTransition(handle.db, { orderTypeId: w.type.id, from: w.status.completed.id, to: w.status.shipped.id, allowed: true }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    await ordersIn(w, w.status.completed.id, 2);
    await ordersIn(w, w.status.cancelled.id, 1);
    const cleared = await setTransitionRow(handle.db, { orderTypeId: w.type.id, from: w.status.completed.id, mode: "clear" }, SYSTEM_AUDIT_ACTOR);
    expect(cleared.ok).toBe(true);
  });

  it("leaves a write that strands nothing as it was: another exit remains, or nobody is in the status", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.picking.id, 2);
    // Picking still leads to Shipped.
    const oneExit = await setTransition(handle.db, { orderTypeId: w.type.id, from: w.status.picking.id, to: w.status.cancelled.id, allowed: false }, SYSTEM_AUDIT_ACTOR);
    expect(oneExit.ok).toBe(true);
    // Nobody is in Invoiced.
    const empty = await setTransitionRow(handle.db, { orderTypeId: w.type.id, from: w.status.invoiced.id, mode: "clear" }, SYSTEM_AUDIT_ACTOR);
    expect(empty.ok).toBe(true);
    // A confirmation that was not needed changes nothing either.
    const unneeded = await setTransition(
      handle.db,
      { orderTypeId: w.type.id, from: w.status.picking.id, to: w.status.cancelled.id, allowed: true, confirmStranded: 5 },
      SYSTEM_AUDIT_ACTOR,
    );
    expect(unneeded.ok).toBe(true);
  });

  it("does not ask again about orders stranded before the write", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.shipped.id, 2);
    expect((await setTransitionRow(handle.db, { orderTypeId: w.type.id, from: w.status.shipped.id, mode: "clear", confirmStranded: 2 }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const unrelated = await setTransition(handle.db, { orderTypeId: w.type.id, from: w.status.new.id, to: w.status.shipped.id, allowed: true }, SYSTEM_AUDIT_ACTOR);
    expect(unrelated.ok).toBe(true);
  });

  it("copying a matrix over a type with open orders asks too", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.picking.id, 1);
    const empty = await createOrderType(handle.db, { code: `empty_${w.suffix}`, name: "Empty", initialStatusId: w.status.new.id }, SYSTEM_AUDIT_ACTOR);
    if (!empty.ok) throw new Error(empty.error.message);
    const input = { id: w.type.id, fromId: empty.value.id };
    expect(await copyMatrix(handle.db, input, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { code: "would_strand_orders", details: { total: 1 } } });
    expect((await copyMatrix(handle.db, { ...input, confirmStranded: 1 }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
  });

  it("an import shows the stranding in its preview, is refused without the count and applied with it", async () => {
    const w = await createRetailWorkflow(handle.db);
    await ordersIn(w, w.status.shipped.id, 2);
    // Only this test's statuses and order type: the others' (some archived by now) stay as they are.
    const whole = await exportWorkflow(handle.db);
    const doc = { ...whole, statuses: whole.statuses.filter((s) => s.code.endsWith(w.suffix)), orderTypes: whole.orderTypes.filter((t) => t.code === w.type.code) };
    const type = doc.orderTypes[0]!;
    type.transitions = type.transitions.filter(([from]) => from !== w.status.shipped.code);

    const preview = await previewImport(handle.db, doc);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.stranding).toEqual({
      total: 2,
      stranded: [expect.objectContaining({ status: expect.objectContaining({ code: w.status.shipped.code }), orders: 2 })],
    });
    // The preview's dry run is never kept.
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual([w.status.completed.id]);

    expect(await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { code: "would_strand_orders", details: { total: 2 } } });
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual([w.status.completed.id]);
    expect((await applyImport(handle.db, doc, SYSTEM_AUDIT_ACTOR, { confirmStranded: 2 })).ok).toBe(true);
    expect(await rowOf(w.type.id, w.status.shipped.id)).toEqual([]);
  });
});
