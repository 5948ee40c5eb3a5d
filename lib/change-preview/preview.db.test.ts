import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { automationRules, outbox, settings, webhookEndpoints } from "@/db/schema";
import { addRule } from "@/lib/automation/test-support";
import { enqueueTemplateMessages } from "@/lib/notifications/enqueue";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { getMessageSettings, getSettings } from "@/lib/settings";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { previewStatusChange, previewStatusChanges } from "./index";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await getSettings(db);
});
afterAll(async () => handle?.close());

/** An endpoint that gets every status change (written directly: its URL is never called here). */
async function addEndpoint(url: string) {
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ url, secret: "whsec_dGVzdA==", eventTypes: ["order.status_changed"] })
    .returning();
  return endpoint!;
}

/** Rules and endpoints of one test must not fire in the next. */
async function quiet() {
  await db.update(automationRules).set({ enabled: false });
  await db.update(webhookEndpoints).set({ enabled: false });
}

describe("previewStatusChange", () => {
  it("shows the email, SMS, webhooks and rules of a change, chain included, and writes nothing", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { locale: "en" });
    await addEndpoint("https://erp.example.com/a");
    await addEndpoint("https://erp.example.com/b");
    await addRule(db, {
      name: `Awaiting → cancel ${wf.suffix}`,
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [
        { type: "add_comment", body: "Auto-cancelled" },
        { type: "set_status", statusCode: wf.status.cancelled.code },
      ],
    });
    await addRule(db, {
      name: `Only cards ${wf.suffix}`,
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      conditions: { paymentMethods: ["card"] },
      actions: [{ type: "add_comment", body: "card" }],
    });
    const before = await databaseFingerprint(db);

    const result = await previewStatusChange(db, {
      orderId: order.id,
      to: { id: wf.status.awaiting_payment.id },
      actor: staff,
      expectedVersion: order.version,
      notify: { email: true, sms: true },
    });

    expect(await databaseFingerprint(db)).toEqual(before);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const effects = result.value;
    expect(effects.orderNumber).toBe(order.number);
    expect(effects.messages.map(({ subject: _, ...m }) => m)).toEqual([
      { channel: "email", audience: "customer", to: "anna@example.com", locale: "en", fate: "send" },
      { channel: "sms", audience: "customer", to: "+48600100200", locale: "en", fate: "send" },
    ]);
    expect(effects.messages[0]!.subject).toContain(order.number);
    expect(effects.messages[1]!.subject).toBeNull();
    // The change and the rule's change each announce themselves to both endpoints.
    expect(effects.webhooks).toEqual([
      { type: "order.status_changed", endpoints: 2 },
      { type: "order.status_changed", endpoints: 2 },
    ]);
    expect(effects.rules).toHaveLength(1);
    expect(effects.rules[0]).toMatchObject({ ruleName: `Awaiting → cancel ${wf.suffix}`, depth: 0 });
    expect(effects.rules[0]!.actions.map((a) => [a.type, a.outcome])).toEqual([
      ["add_comment", "done"],
      ["set_status", "done"],
    ]);
    expect(effects.moves).toEqual([{ statusId: wf.status.cancelled.id, statusName: "Cancelled", ruleName: `Awaiting → cancel ${wf.suffix}` }]);

    // Reality matches: the same change, made, queues the same messages.
    const made = await transitionOrder(db, {
      orderId: order.id,
      to: { id: wf.status.awaiting_payment.id },
      actor: staff,
      expectedVersion: order.version,
    });
    if (!made.ok) throw new Error(made.error.message);
    const rows = (await db.select().from(outbox).where(eq(outbox.orderId, order.id)).orderBy(asc(outbox.id))).filter((r) => r.eventId! >= made.value.event.id);
    expect(rows.filter((r) => r.kind !== "webhook").map((r) => [r.kind, r.recipient])).toEqual(effects.messages.map((m) => [m.channel, m.to]));
    expect(rows.filter((r) => r.kind === "webhook")).toHaveLength(4);
  });

  it("follows the notify toggles, names the team's alert in the staff language, and finds the order by number", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff });
    await db.update(settings).set({ staffLocale: "en" });
    try {
      const result = await previewStatusChange(db, {
        orderNumber: order.number.toLowerCase(),
        to: { id: wf.status.shipped.id },
        actor: staff,
        notify: { email: false, sms: true },
      });
      expect(result.ok && result.value.messages.map((m) => [m.channel, m.audience, m.to, m.locale])).toEqual([
        ["sms", "customer", "+48600100200", "pl"],
        ["email", "admin", "ops@example.com", "en"],
      ]);
    } finally {
      await db.update(settings).set({ staffLocale: "pl" });
    }
  });

  it("answers a refused change with its refusal, and writes nothing", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const before = await databaseFingerprint(db);
    const notInMatrix = await previewStatusChange(db, { orderId: order.id, to: { id: wf.status.completed.id }, actor: staff });
    const unpaid = await previewStatusChange(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff });
    const stale = await previewStatusChange(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff, expectedVersion: order.version + 1 });
    expect(notInMatrix.ok || notInMatrix.error.code).toBe("transition_not_allowed");
    expect(unpaid.ok || unpaid.error).toMatchObject({ code: "guard_failed", details: { reason: "payment_required" } });
    expect(stale.ok || stale.error.code).toBe("version_conflict");
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it("shows a message that repeats a recent one as skipped", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    // The same "awaiting payment" email already went to the customer an hour's fraction ago.
    await db.transaction(async (tx) =>
      enqueueTemplateMessages(tx, {
        order,
        status: wf.status.awaiting_payment,
        settings: await getMessageSettings(tx),
        eventId: 1,
        keyPrefix: `earlier-${wf.suffix}`,
        recipients: [{ kind: "email", audience: "customer", address: order.customerEmail! }],
      }),
    );
    const result = await previewStatusChange(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    expect(result.ok && result.value.messages.map((m) => [m.channel, m.fate])).toEqual([
      ["email", "skipped"],
      ["sms", "send"],
    ]);
  });

  it("is the same whatever the shop's undo hold", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const preview = () => previewStatusChange(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    await db.update(settings).set({ messageHoldSeconds: 0 });
    const atOnce = await preview();
    await db.update(settings).set({ messageHoldSeconds: 120 });
    const held = await preview();
    await db.update(settings).set({ messageHoldSeconds: 30 });
    expect(atOnce.ok).toBe(true);
    expect(held).toEqual(atOnce);
  });
});

describe("previewStatusChanges", () => {
  it("counts what a bulk change would do, refusals by reason, and writes nothing", async () => {
    await quiet();
    const wf = await createRetailWorkflow(db);
    await addEndpoint("https://erp.example.com/bulk");
    await addRule(db, {
      name: `Note on awaiting ${wf.suffix}`,
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "add_comment", body: "Waiting" }],
    });
    const fresh = [await createTestOrder(db, wf.type.code), await createTestOrder(db, wf.type.code, { customer: { name: "No Phone", email: "np@example.com" } })];
    const cancelled = await transitionOrder(db, { orderId: (await createTestOrder(db, wf.type.code)).id, to: { id: wf.status.cancelled.id }, actor: staff });
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    const moved = cancelled.value.order;
    const paid = await createTestOrder(db, wf.type.code);
    await recordPayment(db, { orderId: paid.id, amount: paid.total, actor: staff });
    const before = await databaseFingerprint(db);

    const counts = await previewStatusChanges(db, {
      orders: [...fresh, moved, paid].map((o) => ({ orderId: o.id, expectedVersion: o.version })),
      to: { id: wf.status.awaiting_payment.id },
      actor: staff,
      notify: { email: true, sms: true },
    });

    expect(await databaseFingerprint(db)).toEqual(before);
    // `moved` left "new" (not allowed from cancelled); `paid` was changed by its payment (a stale version).
    expect(counts).toEqual({
      orders: 4,
      changing: 2,
      refused: { not_allowed: 1, conflict: 1 },
      emails: 2,
      sms: 1,
      alerts: 0,
      notSent: 0,
      webhooks: 2,
      rules: [{ ruleName: `Note on awaiting ${wf.suffix}`, orders: 2 }],
    });
  });
});
