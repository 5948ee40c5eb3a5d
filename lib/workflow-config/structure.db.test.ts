import { asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createGroup, deleteGroup, reorderGroups, saveStatusLayout, updateGroup } from "./groups";
import { copyMatrix, createOrderType, reorderOrderTypes, updateOrderType } from "./order-types";
import { applyWorkflowPreset } from "./presets";
import { uniqueCode } from "./test-support";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function currentLayout() {
  const groups = await handle.db.select().from(statusGroups).orderBy(asc(statusGroups.position));
  const rows = await handle.db.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id));
  return groups.map((g) => ({ groupId: g.id, statusIds: rows.filter((s) => s.groupId === g.id).map((s) => s.id) }));
}

describe("groups and layout", () => {
  it("creates a group with a unique key, reorders groups, deletes only an empty one", async () => {
    const a = await createGroup(handle.db, { name: "Zwroty", colour: "#7C3AED", kind: "in_progress" }, SYSTEM_AUDIT_ACTOR);
    const b = await createGroup(handle.db, { name: "Zwroty", colour: "#7c3aed", kind: "in_progress" }, SYSTEM_AUDIT_ACTOR);
    expect(a.ok && b.ok && [a.value.key, b.value.key, b.value.colour]).toEqual(["zwroty", "zwroty_2", "#7c3aed"]);
    const ids = (await handle.db.select().from(statusGroups)).map((g) => g.id).reverse();
    expect((await reorderGroups(handle.db, ids, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    // A page that missed a new group still saves; the missing one goes last.
    const partial = await reorderGroups(handle.db, ids.slice(1), SYSTEM_AUDIT_ACTOR);
    expect(partial.ok && partial.value.ids).toEqual([...ids.slice(1), ids[0]]);
    expect((await reorderGroups(handle.db, [ids[0]!, ids[0]!], SYSTEM_AUDIT_ACTOR)).ok).toBe(false);
    expect((await reorderGroups(handle.db, [999_999], SYSTEM_AUDIT_ACTOR)).ok).toBe(false);
    const { status } = await createRetailWorkflow(handle.db);
    expect((await deleteGroup(handle.db, status.new.groupId, SYSTEM_AUDIT_ACTOR)).ok).toBe(false);
    expect(b.ok && (await deleteGroup(handle.db, b.value.id, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
  });

  it("renames a group in each language, keeps its translations when the input leaves them out, and logs the change", async () => {
    const made = await createGroup(handle.db, { name: "Returns", colour: "#7c3aed", kind: "not_completed" }, SYSTEM_AUDIT_ACTOR);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.translations).toEqual({});
    const input = { name: "Returns", colour: "#7c3aed", kind: "not_completed" as const };
    const renamed = await updateGroup(handle.db, made.value.id, { ...input, translations: { pl: { name: "Zwroty" }, en: { name: "" } } }, SYSTEM_AUDIT_ACTOR);
    expect(renamed.ok && renamed.value.translations).toEqual({ pl: { name: "Zwroty" }, en: { name: "" } });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, String(made.value.id))).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.after).toMatchObject({ translations: { pl: { name: "Zwroty" } } });
    const recoloured = await updateGroup(handle.db, made.value.id, { ...input, colour: "#4b5563" }, SYSTEM_AUDIT_ACTOR);
    expect(recoloured.ok && recoloured.value.translations).toEqual({ pl: { name: "Zwroty" }, en: { name: "" } });
    // Named in both languages from the start, as the new-group form sends it.
    const named = await createGroup(handle.db, { ...input, name: "Complaints", translations: { pl: { name: "Reklamacje" }, en: { name: "" } } }, SYSTEM_AUDIT_ACTOR);
    expect(named.ok && named.value.translations).toEqual({ pl: { name: "Reklamacje" }, en: { name: "" } });
  });

  it("keeps statuses the page did not know about in their group, after the listed ones", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const layout = (await currentLayout()).map((g) =>
      g.groupId === status.new.groupId ? { ...g, statusIds: g.statusIds.filter((id) => id !== status.new.id) } : g,
    );
    expect((await saveStatusLayout(handle.db, { groups: layout }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [kept] = await handle.db.select().from(statuses).where(eq(statuses.id, status.new.id));
    const group = layout.find((g) => g.groupId === status.new.groupId)!;
    expect(kept).toMatchObject({ groupId: status.new.groupId, position: group.statusIds.length });
  });

  it("moves a status to another group and position", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const layout = await currentLayout();
    const from = layout.find((g) => g.groupId === status.invoiced.groupId)!;
    const to = layout.find((g) => g.groupId === status.new.groupId)!;
    from.statusIds = from.statusIds.filter((id) => id !== status.invoiced.id);
    to.statusIds = [status.invoiced.id, ...to.statusIds];
    expect((await saveStatusLayout(handle.db, { groups: layout }, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [moved] = await handle.db.select().from(statuses).where(eq(statuses.id, status.invoiced.id));
    expect(moved).toMatchObject({ groupId: status.new.groupId, position: 0 });
  });

  it("refuses a layout with a status in two groups at once, or an unknown one, and changes nothing", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const layout = await currentLayout();
    const before = await handle.db.select().from(statuses).orderBy(asc(statuses.id));
    const twice = layout.map((g) => (g.groupId === status.completed.groupId ? { ...g, statusIds: [...g.statusIds, status.new.id] } : g));
    expect(await saveStatusLayout(handle.db, { groups: twice }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { message: "A status cannot be in two groups at once: reload the page and try again" },
    });
    const unknown = layout.map((g, i) => (i === 0 ? { ...g, statusIds: [...g.statusIds, 999_999] } : g));
    expect((await saveStatusLayout(handle.db, { groups: unknown }, SYSTEM_AUDIT_ACTOR)).ok).toBe(false);
    expect(await handle.db.select().from(statuses).orderBy(asc(statuses.id))).toEqual(before);
  });

  it("refuses a move that makes a process contradictory", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const layout = await currentLayout();
    // New leads to Awaiting payment: New in the not-completed group would be a closed order asking to pay.
    const moved = layout.map((g) => ({
      ...g,
      statusIds:
        g.groupId === status.cancelled.groupId ? [...g.statusIds, status.new.id] : g.statusIds.filter((id) => id !== status.new.id),
    }));
    const result = await saveStatusLayout(handle.db, { groups: moved }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok || result.error.message).toContain("New leads to Awaiting payment");
    const [after] = await handle.db.select().from(statuses).where(eq(statuses.id, status.new.id));
    expect(after?.groupId).toBe(status.new.groupId);
  });
});

describe("order types", () => {
  it("creates, renames, reorders and copies a matrix", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const code = uniqueCode("b2b");
    const created = await createOrderType(handle.db, { code, name: "B2B", initialStatusId: status.new.id }, SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    expect(await createOrderType(handle.db, { code, name: "Again", initialStatusId: status.new.id }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { details: { reason: "code_taken", code, usedBy: "B2B", usedByKind: "orderType" } },
    });
    const copied = await copyMatrix(handle.db, { id: created.value.id, fromId: type.id }, SYSTEM_AUDIT_ACTOR);
    expect(copied).toEqual({ ok: true, value: { copied: 10 } });
    const renamed = await updateOrderType(handle.db, { id: created.value.id, name: "Wholesale B2B", initialStatusId: status.awaiting_payment.id }, SYSTEM_AUDIT_ACTOR);
    expect(renamed.ok && renamed.value.name).toBe("Wholesale B2B");
    const ids = (await handle.db.select().from(orderTypes)).map((t) => t.id).reverse();
    expect((await reorderOrderTypes(handle.db, ids, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    const [first] = await handle.db.select().from(orderTypes).orderBy(asc(orderTypes.position));
    expect(first?.id).toBe(ids[0]);
  });

  it("names a type in each language, keeps its translations when the input leaves them out, and logs the change", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const input = { code: uniqueCode("b2b"), name: "Wholesale", initialStatusId: status.new.id };
    // Named in both languages from the start, as the new-type form sends it.
    const created = await createOrderType(handle.db, { ...input, translations: { pl: { name: "Hurtowe" }, en: { name: "" } } }, SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.translations).toEqual({ pl: { name: "Hurtowe" }, en: { name: "" } });
    const renamed = await updateOrderType(handle.db, { id: created.value.id, name: "B2B", initialStatusId: status.new.id, translations: { pl: { name: "Hurt" }, en: { name: "Trade" } } }, SYSTEM_AUDIT_ACTOR);
    expect(renamed.ok && renamed.value.translations).toEqual({ pl: { name: "Hurt" }, en: { name: "Trade" } });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, String(created.value.id))).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.after).toMatchObject({ translations: { pl: { name: "Hurt" } } });
    const restarted = await updateOrderType(handle.db, { id: created.value.id, name: "B2B", initialStatusId: status.awaiting_payment.id }, SYSTEM_AUDIT_ACTOR);
    expect(restarted.ok && restarted.value.translations).toEqual({ pl: { name: "Hurt" }, en: { name: "Trade" } });
  });

  it("refuses an archived or closed initial status", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    await handle.db.update(statuses).set({ archivedAt: new Date() }).where(eq(statuses.id, status.invoiced.id));
    expect(await updateOrderType(handle.db, { id: type.id, name: "Retail", initialStatusId: status.invoiced.id }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { fieldErrors: { initialStatusId: ["Invoiced is archived: new orders cannot start there"] } },
    });
    const closed = await updateOrderType(handle.db, { id: type.id, name: "Retail", initialStatusId: status.completed.id }, SYSTEM_AUDIT_ACTOR);
    expect(closed.ok || closed.error.message).toContain("closes the order");
  });
});

describe("presets", () => {
  it("adds a preset alongside, refuses 'empty' on a workflow with statuses and a taken type code", async () => {
    await createRetailWorkflow(handle.db);
    const code = uniqueCode("shop");
    const applied = await applyWorkflowPreset(handle.db, { preset: "marketplace", locale: "pl", mode: "alongside", orderType: { code, name: "Allegro" } }, SYSTEM_AUDIT_ACTOR);
    if (!applied.ok) throw new Error(applied.error.message);
    const cells = await handle.db.select().from(transitions).where(eq(transitions.orderTypeId, applied.value.orderTypeId));
    expect(cells.length).toBeGreaterThan(5);
    const again = await applyWorkflowPreset(handle.db, { preset: "retail", locale: "en", mode: "alongside", orderType: { code, name: "X" } }, SYSTEM_AUDIT_ACTOR);
    expect(again).toMatchObject({
      ok: false,
      error: { fieldErrors: { orderTypeCode: [expect.stringContaining("already used")] }, details: { reason: "code_taken", usedBy: "Allegro", usedByKind: "orderType" } },
    });
    const empty = await applyWorkflowPreset(handle.db, { preset: "retail", locale: "en", mode: "empty", orderType: { code: uniqueCode("x"), name: "X" } }, SYSTEM_AUDIT_ACTOR);
    expect(empty).toMatchObject({ ok: false, error: { fieldErrors: { mode: [expect.any(String)] } } });
  });

  it("offers the return and complaint processes, as order types of their own kind", async () => {
    await createRetailWorkflow(handle.db);
    for (const [preset, kind, initial] of [["returns", "return", "return_requested"], ["complaints", "complaint", "complaint_submitted"]] as const) {
      const code = uniqueCode(kind);
      const applied = await applyWorkflowPreset(handle.db, { preset, locale: "pl", mode: "alongside", orderType: { code, name: kind } }, SYSTEM_AUDIT_ACTOR);
      if (!applied.ok) throw new Error(applied.error.message);
      const [type] = await handle.db.select({ kind: orderTypes.kind, initialStatusId: orderTypes.initialStatusId }).from(orderTypes).where(eq(orderTypes.code, code));
      const [first] = await handle.db.select({ code: statuses.code, name: statuses.name }).from(statuses).where(eq(statuses.id, type!.initialStatusId!));
      expect([type!.kind, first!.code]).toEqual([kind, initial]);
    }
  });
});
