import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { commentTemplates, statuses, transitions } from "@/db/schema";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createStatus, deleteStatus, setStatusArchived, updateStatus } from "./statuses";
import { statusInput, uniqueCode } from "./test-support";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

describe("statuses", () => {
  it("creates a status last in its group with its marketplace codes and comment templates in order", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const input = statusInput(status.shipped.groupId, {
      externalCodes: [{ channel: "allegro", code: "SENT" }],
      commentTemplates: [
        { title: "Courier", body: "Picked up by {{courier}}" },
        { title: "Delay", body: "Sorry for the wait" },
      ],
    });
    const result = await createStatus(handle.db, input, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ code: input.code, externalCodes: { allegro: "SENT" } });
    const inGroup = await handle.db.select().from(statuses).where(eq(statuses.groupId, input.groupId));
    expect(result.value.position).toBe(Math.max(...inGroup.map((s) => s.position)));
    const templates = await handle.db
      .select()
      .from(commentTemplates)
      .where(eq(commentTemplates.statusId, result.value.id))
      .orderBy(asc(commentTemplates.position));
    expect(templates.map((t) => t.title)).toEqual(["Courier", "Delay"]);
  });

  it("refuses a duplicate code field by field and writes nothing", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const before = await handle.db.select().from(statuses);
    const result = await createStatus(handle.db, statusInput(status.new.groupId, { code: status.shipped.code }), SYSTEM_AUDIT_ACTOR);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "validation_failed",
        fieldErrors: { code: [`The code ${status.shipped.code} is already used by Shipped`] },
        details: { reason: "code_taken", code: status.shipped.code, usedBy: "Shipped", usedByKind: "status" },
      },
    });
    expect(await handle.db.select().from(statuses)).toHaveLength(before.length);
  });

  it("updates every field and replaces the templates", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const created = await createStatus(handle.db, statusInput(status.new.groupId, { commentTemplates: [{ title: "A", body: "a" }] }), SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error(created.error.message);
    const code = uniqueCode("renamed");
    const result = await updateStatus(
      handle.db,
      created.value.id,
      statusInput(status.new.groupId, {
        code,
        name: "Renamed",
        customerLabel: null,
        slaHours: 24,
        notifyAdminEmail: true,
        adminEmails: ["ops@example.com"],
        notifyChannels: ["allegro"],
        commentTemplates: [{ title: "B", body: "b" }],
      }), SYSTEM_AUDIT_ACTOR,
    );
    expect(result).toMatchObject({ ok: true, value: { code, name: "Renamed", customerLabel: null, slaHours: 24, adminEmails: ["ops@example.com"] } });
    const templates = await handle.db.select().from(commentTemplates).where(eq(commentTemplates.statusId, created.value.id));
    expect(templates.map((t) => t.title)).toEqual(["B"]);
  });

  it("refuses an edit that would break a process, explains it, and changes nothing", async () => {
    const { status, type } = await createRetailWorkflow(handle.db);
    // Moving the initial status into a closed group would finish orders before anything happens.
    const result = await updateStatus(
      handle.db,
      status.new.id,
      statusInput(status.completed.groupId, { code: status.new.code, name: "New" }), SYSTEM_AUDIT_ACTOR,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain("Retail: The initial status New closes the order");
    expect(result.error.details && "lint" in result.error.details && result.error.details.lint).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "initial_terminal", orderType: expect.objectContaining({ id: type.id }) }),
      ]),
    );
    const [after] = await handle.db.select().from(statuses).where(eq(statuses.id, status.new.id));
    expect(after).toEqual(status.new);
  });

  it("archives a status used by orders but refuses to delete it", async () => {
    const { status, type } = await createRetailWorkflow(handle.db);
    await createTestOrder(handle.db, type.code);
    const refused = await deleteStatus(handle.db, status.new.id, SYSTEM_AUDIT_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(refused.ok || refused.error.message).toContain("Archive it instead");
    const archivedInitial = await setStatusArchived(handle.db, status.new.id, true, SYSTEM_AUDIT_ACTOR);
    expect(archivedInitial.ok || archivedInitial.error.message).toContain("choose another initial status first");
    const archived = await setStatusArchived(handle.db, status.invoiced.id, true, SYSTEM_AUDIT_ACTOR);
    expect(archived.ok && archived.value.archivedAt).toBeInstanceOf(Date);
    const restored = await setStatusArchived(handle.db, status.invoiced.id, false, SYSTEM_AUDIT_ACTOR);
    expect(restored.ok && restored.value.archivedAt).toBeNull();
  });

  it("deletes an unused status together with its matrix cells", async () => {
    const { status, type } = await createRetailWorkflow(handle.db);
    const result = await deleteStatus(handle.db, status.invoiced.id, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(true);
    const cells = await handle.db.select().from(transitions).where(eq(transitions.orderTypeId, type.id));
    expect(cells.some((c) => c.fromStatusId === status.invoiced.id || c.toStatusId === status.invoiced.id)).toBe(false);
  });
});
