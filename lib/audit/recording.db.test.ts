import { asc, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, statusGroups, type AuditEntry } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { call, keyFor } from "@/lib/api/test-client";
import { createRule, deleteRule, reorderRules, setRuleEnabled, updateRule } from "@/lib/automation/rules";
import type { RuleInput } from "@/lib/automation/schemas";
import { createApiKey, revokeApiKey } from "@/lib/integrations/api-keys";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/integrations/webhooks/endpoints";
import { sendTestWebhook } from "@/lib/integrations/webhooks/deliveries";
import { recordWebhookAttempt } from "@/lib/integrations/webhooks/endpoint-health";
import { saveTemplate } from "@/lib/notifications/templates";
import { refuse } from "@/lib/result";
import { getSettings, updateSettings, type SettingsInput } from "@/lib/settings";
import {
  applyImport,
  copyMatrix,
  createGroup,
  createOrderType,
  createStatus,
  deleteGroup,
  deleteStatus,
  exportWorkflow,
  reorderGroups,
  reorderOrderTypes,
  saveStatusLayout,
  setStatusArchived,
  setTransition,
  setTransitionRow,
  updateGroup,
  updateOrderType,
  updateStatus,
} from "@/lib/workflow-config";
import { statusInput, uniqueCode } from "@/lib/workflow-config/test-support";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import type { AuditActor } from "./record";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
}, 60_000);
afterAll(async () => handle.close());

const ANNA: AuditActor = { type: "user", id: "7", label: "Anna Admin" };
const asAnna = { actorType: "user", actorId: "7", actorLabel: "Anna Admin" };

/** Runs `change` and answers the audit entries it wrote, oldest first. */
async function entriesOf(change: () => Promise<unknown>): Promise<AuditEntry[]> {
  const [{ last } = { last: 0 }] = await handle.db.select({ last: max(auditLog.id) }).from(auditLog);
  await change();
  return handle.db
    .select()
    .from(auditLog)
    .where(gt(auditLog.id, last ?? 0))
    .orderBy(asc(auditLog.id));
}

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("statuses and groups", () => {
  it("records a created, updated, archived, restored and deleted status once each, by who, with the record", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const input = statusInput(status.new.groupId, { name: "Packed", commentTemplates: [{ title: "Note", body: "Packed with care" }] });
    let id = 0;
    const created = await entriesOf(async () => (id = valueOf(await createStatus(handle.db, input, ANNA)).id));
    expect(created).toEqual([
      expect.objectContaining({ ...asAnna, kind: "status", action: "created", subjectId: String(id), subjectLabel: "Packed", before: null }),
    ]);
    const [group] = await handle.db.select({ name: statusGroups.name }).from(statusGroups).where(eq(statusGroups.id, status.new.groupId));
    expect(created[0]!.after).toMatchObject({ code: input.code, name: "Packed", group: group!.name, archived: false, commentTemplates: [{ title: "Note", body: "Packed with care" }] });

    const updated = await entriesOf(async () => valueOf(await updateStatus(handle.db, id, { ...input, name: "Packed & weighed", slaHours: 12 }, ANNA)));
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ kind: "status", action: "updated", subjectLabel: "Packed & weighed" });
    expect(updated[0]!.before).toMatchObject({ name: "Packed", slaHours: null });
    expect(updated[0]!.after).toMatchObject({ name: "Packed & weighed", slaHours: 12 });

    expect(await entriesOf(async () => valueOf(await updateStatus(handle.db, id, { ...input, name: "Packed & weighed", slaHours: 12 }, ANNA)))).toEqual([]);

    const archived = await entriesOf(async () => valueOf(await setStatusArchived(handle.db, id, true, ANNA)));
    expect(archived).toEqual([expect.objectContaining({ kind: "status", action: "archived", before: expect.objectContaining({ archived: false }), after: expect.objectContaining({ archived: true }) })]);
    const restored = await entriesOf(async () => valueOf(await setStatusArchived(handle.db, id, false, ANNA)));
    expect(restored).toEqual([expect.objectContaining({ kind: "status", action: "restored" })]);

    const deleted = await entriesOf(async () => valueOf(await deleteStatus(handle.db, id, ANNA)));
    expect(deleted).toEqual([expect.objectContaining({ kind: "status", action: "deleted", subjectId: String(id), after: null })]);
    expect(deleted[0]!.before).toMatchObject({ code: input.code, name: "Packed & weighed" });
  });

  it("writes nothing for a refused status: a taken code, a status in use", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    expect(await entriesOf(async () => expect((await createStatus(handle.db, statusInput(status.new.groupId, { code: status.new.code }), ANNA)).ok).toBe(false))).toEqual([]);
    expect(await entriesOf(async () => expect((await setStatusArchived(handle.db, status.new.id, true, ANNA)).ok).toBe(false))).toEqual([]);
  });

  it("records groups: created, updated, reordered, deleted", async () => {
    let id = 0;
    const created = await entriesOf(async () => (id = valueOf(await createGroup(handle.db, { name: "Returns", colour: "#7c3aed", kind: "in_progress" }, ANNA)).id));
    expect(created).toEqual([expect.objectContaining({ kind: "status_group", action: "created", subjectLabel: "Returns", after: expect.objectContaining({ name: "Returns", kind: "in_progress" }) })]);

    const updated = await entriesOf(async () => valueOf(await updateGroup(handle.db, id, { name: "Returns", colour: "#000000", kind: "in_progress" }, ANNA)));
    expect(updated).toEqual([expect.objectContaining({ action: "updated", before: expect.objectContaining({ colour: "#7c3aed" }), after: expect.objectContaining({ colour: "#000000" }) })]);

    const reordered = await entriesOf(async () => valueOf(await reorderGroups(handle.db, [id], ANNA)));
    expect(reordered).toEqual([expect.objectContaining({ kind: "status_group", action: "reordered" })]);
    expect((reordered[0]!.after as { order: string[] }).order[0]).toBe("Returns");
    expect((reordered[0]!.before as { order: string[] }).order.at(-1)).toBe("Returns");

    const deleted = await entriesOf(async () => valueOf(await deleteGroup(handle.db, id, ANNA)));
    expect(deleted).toEqual([expect.objectContaining({ kind: "status_group", action: "deleted", subjectLabel: "Returns" })]);
  });

  it("records a drag on the status board as one layout entry, by group, even when a status changes group", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const newGroup = status.new.groupId;
    const entries = await entriesOf(async () =>
      valueOf(await saveStatusLayout(handle.db, { groups: [{ groupId: newGroup, statusIds: [status.awaiting_payment.id, status.new.id, status.picking.id] }] }, ANNA)),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "status", action: "reordered" });
    const layout = entries[0]!.after as Record<string, string[]>;
    expect(Object.values(layout).find((codes) => codes.includes(status.picking.code))).toEqual(
      expect.arrayContaining([status.awaiting_payment.code, status.new.code, status.picking.code]),
    );
  });
});

describe("matrices and order types", () => {
  it("records a matrix change as the allowed pairs by status code, before and after", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const cell = { orderTypeId: type.id, from: status.shipped.id, to: status.cancelled.id };
    const entries = await entriesOf(async () => valueOf(await setTransition(handle.db, { ...cell, allowed: true }, ANNA)));
    expect(entries).toEqual([expect.objectContaining({ ...asAnna, kind: "matrix", action: "updated", subjectId: String(type.id), subjectLabel: "Retail" })]);
    const pair = `${status.shipped.code} → ${status.cancelled.code}`;
    expect((entries[0]!.before as { transitions: string[] }).transitions).not.toContain(pair);
    expect((entries[0]!.after as { transitions: string[] }).transitions).toContain(pair);
    expect((entries[0]!.after as { transitions: string[] }).transitions).toHaveLength(11);

    // Allowing what is already allowed changes nothing, so it records nothing.
    expect(await entriesOf(async () => valueOf(await setTransition(handle.db, { ...cell, allowed: true }, ANNA)))).toEqual([]);
    expect(await entriesOf(async () => valueOf(await setTransitionRow(handle.db, { orderTypeId: type.id, from: status.completed.id, mode: "clear" }, ANNA)))).toEqual([]);
  });

  it("writes nothing for a matrix change the lint refuses", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const entries = await entriesOf(async () => {
      const result = await setTransition(handle.db, { orderTypeId: type.id, from: status.cancelled.id, to: status.awaiting_payment.id, allowed: true }, ANNA);
      expect(result).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    });
    expect(entries).toEqual([]);
  });

  it("records order types: created, updated, reordered, and a copied matrix", async () => {
    const { type, status } = await createRetailWorkflow(handle.db);
    const code = uniqueCode("b2b");
    let id = 0;
    const created = await entriesOf(async () => (id = valueOf(await createOrderType(handle.db, { code, name: "B2B", initialStatusId: status.new.id }, ANNA)).id));
    expect(created).toEqual([
      expect.objectContaining({ kind: "order_type", action: "created", subjectLabel: "B2B", after: { code, name: "B2B", translations: {}, initialStatus: status.new.code } }),
    ]);
    const updated = await entriesOf(async () => valueOf(await updateOrderType(handle.db, { id, name: "Wholesale", initialStatusId: status.new.id }, ANNA)));
    expect(updated).toEqual([expect.objectContaining({ kind: "order_type", action: "updated", before: expect.objectContaining({ name: "B2B" }), after: expect.objectContaining({ name: "Wholesale" }) })]);
    const reordered = await entriesOf(async () => valueOf(await reorderOrderTypes(handle.db, [id], ANNA)));
    expect(reordered).toEqual([expect.objectContaining({ kind: "order_type", action: "reordered" })]);
    const copied = await entriesOf(async () => valueOf(await copyMatrix(handle.db, { id, fromId: type.id }, ANNA)));
    expect(copied).toEqual([expect.objectContaining({ kind: "matrix", action: "updated", subjectLabel: "Wholesale", before: { transitions: [] } })]);
    expect((copied[0]!.after as { transitions: string[] }).transitions).toHaveLength(10);
  });

  it("records an import entity by entity, and the API's import by its key", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const doc = await exportWorkflow(handle.db);
    const renamed = { ...doc, statuses: doc.statuses.map((s) => (s.code === status.picking.code ? { ...s, name: "Picking & packing" } : s)) };
    const entries = await entriesOf(async () => valueOf(await applyImport(handle.db, renamed, ANNA)));
    expect(entries).toEqual([expect.objectContaining({ ...asAnna, kind: "status", action: "updated", subjectLabel: "Picking & packing" })]);

    const key = await keyFor(handle.db, "admin", "ERP import");
    const again = { ...doc, statuses: doc.statuses.map((s) => (s.code === status.picking.code ? { ...s, name: "Picking" } : s)) };
    const viaApi = await entriesOf(async () => expect((await call(handle.db, "PUT", "/workflow", { key, body: again })).status).toBe(200));
    expect(viaApi).toEqual([expect.objectContaining({ actorType: "api", actorLabel: "ERP import", kind: "status", action: "updated", subjectLabel: "Picking" })]);
    expect(viaApi[0]!.actorId).toMatch(/^\d+$/);
  });
});

describe("templates, settings, automations, integrations", () => {
  it("records a message template created and updated, not saved unchanged", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const template = { statusId: status.shipped.id, channel: "email", audience: "customer", locale: "pl", subject: "Wysłane", body: "Paczka {{orderNumber}} jest w drodze" } as const;
    const created = await entriesOf(async () => valueOf(await saveTemplate(handle.db, template, ANNA)));
    expect(created).toEqual([expect.objectContaining({ kind: "template", action: "created", subjectLabel: "Shipped", before: null })]);
    expect(created[0]!.after).toEqual({ channel: "email", audience: "customer", locale: "pl", subject: "Wysłane", body: "Paczka {{orderNumber}} jest w drodze", smsTransliterate: null });
    expect(await entriesOf(async () => valueOf(await saveTemplate(handle.db, template, ANNA)))).toEqual([]);
    const updated = await entriesOf(async () => valueOf(await saveTemplate(handle.db, { ...template, subject: "W drodze" }, ANNA)));
    expect(updated).toEqual([expect.objectContaining({ action: "updated", before: expect.objectContaining({ subject: "Wysłane" }), after: expect.objectContaining({ subject: "W drodze" }) })]);
    expect(await entriesOf(async () => expect((await saveTemplate(handle.db, { ...template, body: "{{nope}}" }, ANNA)).ok).toBe(false))).toEqual([]);
  });

  it("records settings without the logo's bytes, and nothing for a refused save", async () => {
    const current = await getSettings(handle.db);
    const form: SettingsInput = {
      shopName: current.shopName,
      defaultLocale: "pl",
      brandColour: "#123456",
      supportEmail: "",
      supportPhone: "",
      senderEmail: "",
      bankAccount: "",
      appUrl: "https://shop.example.com",
      smsPriceDomestic: 16,
      smsPriceForeign: 35,
      courierTrackingLinks: {},
      logoDataUrl: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    };
    const entries = await entriesOf(async () => valueOf(await updateSettings(handle.db, form, ANNA)));
    expect(entries).toEqual([expect.objectContaining({ ...asAnna, kind: "settings", action: "updated" })]);
    expect(entries[0]!.after).toMatchObject({ brandColour: "#123456", appUrl: "https://shop.example.com", logo: expect.stringMatching(/^sha256:[0-9a-f]{12}$/) });
    expect(JSON.stringify(entries[0])).not.toContain("base64");
    expect(await entriesOf(async () => valueOf(await updateSettings(handle.db, form, ANNA)))).toEqual([]);
    // A textarea's CR LF is the same address: saving the form unchanged records nothing.
    expect(await entriesOf(async () => valueOf(await updateSettings(handle.db, { ...form, sellerAddress: "ul. Prosta 1\n00-001 Warszawa" }, ANNA)))).toHaveLength(1);
    expect(await entriesOf(async () => valueOf(await updateSettings(handle.db, { ...form, sellerAddress: "ul. Prosta 1\r\n00-001 Warszawa" }, ANNA)))).toEqual([]);
    expect(await entriesOf(async () => expect((await updateSettings(handle.db, { ...form, appUrl: "javascript:alert(1)" }, ANNA)).ok).toBe(false))).toEqual([]);
  });

  it("records automation rules: created, updated, disabled, enabled, reordered, deleted", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const rule: RuleInput = {
      name: "Thank the customer",
      enabled: true,
      trigger: { type: "status_entered", statusCode: status.completed.code },
      actions: [{ type: "add_comment", body: "Thanks for {{orderNumber}}", customerVisible: false }],
    };
    let id = 0;
    const created = await entriesOf(async () => (id = valueOf(await createRule(handle.db, rule, ANNA)).id));
    expect(created).toEqual([expect.objectContaining({ kind: "automation_rule", action: "created", subjectLabel: "Thank the customer", after: expect.objectContaining({ trigger: "status_entered", enabled: true }) })]);
    const updated = await entriesOf(async () => valueOf(await updateRule(handle.db, id, { ...rule, name: "Say thanks" }, ANNA)));
    expect(updated).toEqual([expect.objectContaining({ action: "updated", before: expect.objectContaining({ name: "Thank the customer" }), after: expect.objectContaining({ name: "Say thanks" }) })]);
    expect(await entriesOf(async () => valueOf(await setRuleEnabled(handle.db, id, false, ANNA)))).toEqual([
      expect.objectContaining({ action: "disabled", before: { enabled: true }, after: { enabled: false } }),
    ]);
    expect(await entriesOf(async () => valueOf(await setRuleEnabled(handle.db, id, true, ANNA)))).toEqual([expect.objectContaining({ action: "enabled" })]);
    const other = valueOf(await createRule(handle.db, { ...rule, name: "Another" }, ANNA));
    expect(await entriesOf(async () => valueOf(await reorderRules(handle.db, [other.id, id], ANNA)))).toEqual([expect.objectContaining({ action: "reordered" })]);
    expect(await entriesOf(async () => valueOf(await deleteRule(handle.db, id, ANNA)))).toEqual([expect.objectContaining({ action: "deleted", subjectLabel: "Say thanks" })]);
    expect(await entriesOf(async () => expect((await createRule(handle.db, { ...rule, name: "" }, ANNA)).ok).toBe(false))).toEqual([]);
  });

  it("records webhook endpoints without their secret", async () => {
    const policy = { allowPrivateNetworks: true };
    let id = 0;
    let secret = "";
    const created = await entriesOf(async () => {
      const endpoint = valueOf(await createWebhookEndpoint(handle.db, { url: "https://erp.example.com/hook", eventTypes: ["order.created"] }, ANNA, policy));
      id = endpoint.id;
      secret = endpoint.secret;
    });
    expect(created).toEqual([expect.objectContaining({ kind: "webhook_endpoint", action: "created", subjectLabel: "https://erp.example.com/hook", after: expect.objectContaining({ enabled: true }) })]);
    const updated = await entriesOf(async () =>
      valueOf(await updateWebhookEndpoint(handle.db, id, { url: "https://erp.example.com/hook", eventTypes: ["order.created", "order.status_changed"] }, ANNA, policy)),
    );
    expect(updated).toEqual([expect.objectContaining({ action: "updated", after: expect.objectContaining({ eventTypes: ["order.created", "order.status_changed"] }) })]);
    expect(await entriesOf(async () => valueOf(await setWebhookEndpointEnabled(handle.db, id, false, ANNA)))).toEqual([expect.objectContaining({ action: "disabled" })]);
    const rotated = await entriesOf(async () => (secret = valueOf(await rotateWebhookSecret(handle.db, id, ANNA)).secret));
    expect(rotated).toEqual([expect.objectContaining({ action: "secret_rotated", before: null, after: null })]);
    const deleted = await entriesOf(async () => valueOf(await deleteWebhookEndpoint(handle.db, id, ANNA)));
    expect(deleted).toEqual([expect.objectContaining({ action: "deleted" })]);
    const all = JSON.stringify(await handle.db.select().from(auditLog));
    expect(secret).toMatch(/^whsec_/);
    expect(all).not.toContain(secret);
    expect(all).not.toContain("whsec_");
  });

  it("records an endpoint its failures switched off as Orderly itself, once", async () => {
    const endpoint = valueOf(await createWebhookEndpoint(handle.db, { url: "https://gone.example.com/hook", eventTypes: ["order.created"] }, ANNA, { allowPrivateNetworks: true }));
    const delivery = valueOf(await sendTestWebhook(handle.db, endpoint.id));
    const rule = { disableAfterFailures: 100, disableAfterMs: 60_000 };
    const gone = { status: 410, durationMs: 3 };
    const entries = await entriesOf(async () => {
      await recordWebhookAttempt(handle.db, { outboxId: delivery.id, endpointId: endpoint.id, post: gone, rule });
      await recordWebhookAttempt(handle.db, { outboxId: delivery.id, endpointId: endpoint.id, post: gone, rule });
    });
    expect(entries).toEqual([
      expect.objectContaining({ actorType: "system", actorId: null, actorLabel: "Orderly", kind: "webhook_endpoint", action: "disabled", subjectId: String(endpoint.id) }),
    ]);
    expect(entries[0]!.after).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410") });
  });

  it("records API keys created and revoked, never the key, its hash or its prefix", async () => {
    let id = 0;
    let secret = "";
    const created = await entriesOf(async () => {
      const value = valueOf(await createApiKey(handle.db, { name: "Warehouse", scope: "write" }, ANNA));
      id = value.key.id;
      secret = value.secret;
    });
    expect(created).toEqual([expect.objectContaining({ kind: "api_key", action: "created", subjectLabel: "Warehouse", after: { name: "Warehouse", scope: "write", revoked: false } })]);
    const revoked = await entriesOf(async () => valueOf(await revokeApiKey(handle.db, id, ANNA)));
    expect(revoked).toEqual([expect.objectContaining({ action: "revoked", before: expect.objectContaining({ revoked: false }), after: expect.objectContaining({ revoked: true }) })]);
    expect(await entriesOf(async () => valueOf(await revokeApiKey(handle.db, id, ANNA)))).toEqual([]);
    const all = JSON.stringify([...created, ...revoked]);
    expect(all).not.toContain(secret.slice(0, 11));
    expect(all).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe("rolled back", () => {
  it("writes nothing when the caller's transaction rolls back, by a refusal or a throw", async () => {
    const { status } = await createRetailWorkflow(handle.db);
    const refused = await entriesOf(async () =>
      inTransaction(handle.db, async (tx) => {
        valueOf(await createStatus(tx, statusInput(status.new.groupId), ANNA));
        valueOf(await createApiKey(tx, { name: "Never", scope: "read" }, ANNA));
        return refuse("validation_failed", "the caller changed its mind");
      }),
    );
    expect(refused).toEqual([]);
    const thrown = await entriesOf(async () =>
      expect(
        inTransaction(handle.db, async (tx) => {
          valueOf(await createGroup(tx, { name: "Never", colour: "#000000", kind: "new" }, ANNA));
          throw new Error("crash after the write");
        }),
      ).rejects.toThrow("crash after the write"),
    );
    expect(thrown).toEqual([]);
  });
});
