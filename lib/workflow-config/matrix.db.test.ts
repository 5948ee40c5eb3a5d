import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { transitions } from "@/db/schema";
import { archiveStatus, createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { setTransition, setTransitionRow } from "./matrix";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

const cellsOf = async (orderTypeId: number) =>
  (await handle.db.select().from(transitions).where(eq(transitions.orderTypeId, orderTypeId)))
    .map((t) => `${t.fromStatusId}>${t.toStatusId}`)
    .sort();

describe("matrix", () => {
  it("allows and forbids one change, answering with the matrix and its lint", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const allowed = await setTransition(handle.db, { orderTypeId: type.id, from: status.shipped.id, to: status.cancelled.id, allowed: true }, SYSTEM_AUDIT_ACTOR);
    expect(allowed.ok && allowed.value.transitions).toContainEqual({ from: status.shipped.id, to: status.cancelled.id });
    const forbidden = await setTransition(handle.db, { orderTypeId: type.id, from: status.shipped.id, to: status.cancelled.id, allowed: false }, SYSTEM_AUDIT_ACTOR);
    expect(forbidden.ok && forbidden.value.transitions).not.toContainEqual({ from: status.shipped.id, to: status.cancelled.id });
  });

  it("refuses a contradictory change with the lint's explanation and its fix, changing nothing", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const before = await cellsOf(type.id);
    const result = await setTransition(handle.db, {
      orderTypeId: type.id,
      from: status.cancelled.id,
      to: status.awaiting_payment.id,
      allowed: true,
    }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      "Refused, this would break the process. Retail: Cancelled leads to Awaiting payment: asking for payment on an order that is already closed.",
    );
    expect(result.error.details && "lint" in result.error.details && result.error.details.lint).toEqual([
      expect.objectContaining({
        code: "contradictory_path",
        fix: { kind: "remove_transition", from: status.cancelled.id, to: status.awaiting_payment.id },
      }),
    ]);
    expect(await cellsOf(type.id)).toEqual(before);
  });

  it("refuses a cell into an archived status but lets an existing one be switched off", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    await archiveStatus(handle.db, status.invoiced.id);
    const before = await cellsOf(type.id);
    const refused = await setTransition(handle.db, { orderTypeId: type.id, from: status.picking.id, to: status.invoiced.id, allowed: true }, SYSTEM_AUDIT_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed", message: "Invoiced is archived and can no longer be a target" } });
    expect(await cellsOf(type.id)).toEqual(before);
    const off = await setTransition(handle.db, { orderTypeId: type.id, from: status.awaiting_payment.id, to: status.invoiced.id, allowed: false }, SYSTEM_AUDIT_ACTOR);
    expect(off.ok).toBe(true);
  });

  it("refuses a status into itself and unknown statuses", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    expect(await setTransition(handle.db, { orderTypeId: type.id, from: status.new.id, to: status.new.id, allowed: true }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(await setTransition(handle.db, { orderTypeId: type.id, from: status.new.id, to: 999_999, allowed: true }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await setTransition(handle.db, { orderTypeId: 999_999, from: status.new.id, to: status.shipped.id, allowed: true }, SYSTEM_AUDIT_ACTOR)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("row helpers: forward adds the later live statuses, clear empties the row", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const forward = await setTransitionRow(handle.db, { orderTypeId: type.id, from: status.shipped.id, mode: "forward" }, SYSTEM_AUDIT_ACTOR);
    expect(forward.ok).toBe(true);
    const row = (await cellsOf(type.id)).filter((c) => c.startsWith(`${status.shipped.id}>`));
    // Completed and Cancelled come after Shipped in the board order; nothing before it does.
    // (Statuses are shared by all order types, so other tests' later statuses may join too.)
    expect(row).toEqual(expect.arrayContaining([`${status.shipped.id}>${status.completed.id}`, `${status.shipped.id}>${status.cancelled.id}`]));
    for (const earlier of [status.new, status.awaiting_payment, status.picking, status.invoiced]) {
      expect(row).not.toContain(`${status.shipped.id}>${earlier.id}`);
    }
    const cleared = await setTransitionRow(handle.db, { orderTypeId: type.id, from: status.shipped.id, mode: "clear" }, SYSTEM_AUDIT_ACTOR);
    expect(cleared.ok && cleared.value.transitions.some((t) => t.from === status.shipped.id)).toBe(false);
  });

  it("refuses allowing a whole closed row when a target asks for payment, changing nothing", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const before = await cellsOf(type.id);
    const result = await setTransitionRow(handle.db, { orderTypeId: type.id, from: status.cancelled.id, mode: "all" }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok || result.error.message).toContain("Cancelled leads to Awaiting payment");
    expect(await cellsOf(type.id)).toEqual(before);
  });
});
