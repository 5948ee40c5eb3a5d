import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { applyPreset } from "@/db/seed/apply-preset";
import { retailPreset } from "@/db/seed/presets";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { applyAutomationPreset, listAutomationPresets } from "./presets";
import { createRule, deleteRule, listRules, reorderRules, updateRule } from "./rules";
import { addRule } from "./test-support";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

describe("rules", () => {
  it("refuses a rule field by field, unknown codes included", async () => {
    const result = await createRule(db, {
      name: " ",
      trigger: { type: "time_in_status", statusCode: "", hours: 0 },
      actions: [],
    }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["actions", "name", "trigger.hours", "trigger.statusCode"]);
    }
    const unknown = await createRule(db, {
      name: "Ghost",
      trigger: { type: "status_entered", statusCode: "no_such_status" },
      conditions: { orderTypes: ["no_such_type"] },
      actions: [{ type: "add_comment", body: "Hi {{orderNumbr}}" }],
    }, SYSTEM_AUDIT_ACTOR);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.fieldErrors?.["actions.0.body"]?.[0]).toContain("did you mean {{orderNumber}}");
    const codes = await createRule(db, {
      name: "Ghost",
      trigger: { type: "status_entered", statusCode: "no_such_status" },
      conditions: { orderTypes: ["no_such_type"] },
      actions: [{ type: "set_status", statusCode: "nor_this" }],
    }, SYSTEM_AUDIT_ACTOR);
    expect(codes.ok).toBe(false);
    if (!codes.ok) {
      expect(codes.error.fieldErrors).toEqual({
        "trigger.statusCode": ['There is no status with code "no_such_status"'],
        "conditions.orderTypes": ['There is no order type with code "no_such_type"'],
        "actions.0.statusCode": ['There is no status with code "nor_this"'],
      });
    }
  });

  it("adds rules at the end, reorders, updates and deletes them", async () => {
    const wf = await createRetailWorkflow(db);
    const rule = (name: string) => ({
      name,
      enabled: false,
      trigger: { type: "status_entered" as const, statusCode: wf.status.new.code },
      actions: [{ type: "add_comment" as const, body: name }],
    });
    const a = await addRule(db, rule("A"));
    const b = await addRule(db, rule("B"));
    const c = await addRule(db, rule("C"));
    const ids = async () => (await listRules(db)).map((r) => r.id).filter((id) => [a.id, b.id, c.id].includes(id));
    expect(await ids()).toEqual([a.id, b.id, c.id]);
    expect((await reorderRules(db, [c.id, a.id], SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect((await ids()).slice(0, 2)).toEqual([c.id, a.id]);
    expect(await reorderRules(db, [a.id, a.id], SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false });
    expect(await reorderRules(db, [999_999], SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { code: "not_found" } });
    const renamed = await updateRule(db, b.id, { ...rule("B2") }, SYSTEM_AUDIT_ACTOR);
    expect(renamed.ok && renamed.value.name).toBe("B2");
    expect(await deleteRule(db, b.id, SYSTEM_AUDIT_ACTOR)).toEqual({ ok: true, value: { id: b.id } });
    expect(await deleteRule(db, b.id, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("presets", () => {
  it("name the statuses a shop lacks and add nothing until they exist", async () => {
    await applyPreset(db, { preset: retailPreset, locale: "en", orderType: { code: "retail", name: "Retail" } });
    const presets = await listAutomationPresets(db);
    const byKey = Object.fromEntries(presets.map((p) => [p.key, p.missingStatuses]));
    expect(byKey).toEqual({
      paid_transfer_to_fulfilment: [],
      sort_by_courier: ["packing", "courier_inpost", "courier_dpd", "courier_dhl", "courier_poczta_polska"],
      complete_on_delivery: ["delivered"],
      parcel_delivered_complete: [],
      // The retail shop has no Returned status (the marketplace preset has).
      parcel_returned_to_sender: ["returned"],
      flag_unpaid_7_days: [],
    });
    const refused = await applyAutomationPreset(db, "complete_on_delivery", SYSTEM_AUDIT_ACTOR);
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    if (!refused.ok) expect(refused.error.message).toContain('"delivered"');

    const before = (await listRules(db)).length;
    const added = await applyAutomationPreset(db, "flag_unpaid_7_days", SYSTEM_AUDIT_ACTOR);
    expect(added.ok && added.value.map((r) => [r.name, r.trigger, r.enabled])).toEqual([["Unpaid for 7 days", "time_in_status", true]]);
    expect(await listRules(db)).toHaveLength(before + 1);
  });
});
