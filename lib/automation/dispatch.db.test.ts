import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { automationRuns, documents, outbox } from "@/db/schema";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { addRule, createLineWorkflow, disableAllRules, historyOf, reload } from "./test-support";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterEach(async () => disableAllRules(db));
afterAll(async () => handle?.close());

const commentsOf = async (orderId: number) =>
  (await historyOf(db, orderId)).filter((e) => e.type === "comment").map((e) => e.comment);

describe("triggers", () => {
  it("order created: the rule's status change goes through the matrix and is recorded as done by the rule", async () => {
    const wf = await createRetailWorkflow(db);
    const rule = await addRule(db, {
      name: "Transfers wait for payment",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code], paymentMethods: ["transfer"] },
      actions: [{ type: "set_status", statusCode: wf.status.awaiting_payment.code }],
    });
    const order = await createTestOrder(db, wf.type.code);
    expect(order.statusId).toBe(wf.status.awaiting_payment.id);
    const change = (await historyOf(db, order.id)).find((e) => e.type === "status_changed");
    expect(change).toMatchObject({
      fromStatusId: wf.status.new.id,
      toStatusId: wf.status.awaiting_payment.id,
      actorType: "automation",
      actorId: String(rule.id),
      actorLabel: "Transfers wait for payment",
    });
    // The target status's own notifications were queued, as for any change.
    const messages = await db.select().from(outbox).where(eq(outbox.orderId, order.id));
    expect(messages.some((m) => m.eventId === change!.id)).toBe(true);
    const runs = await db.select().from(automationRuns).where(eq(automationRuns.ruleId, rule.id));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ orderId: order.id, outcome: "done" });
  });

  it("payment recorded: a paid transfer moves on, a partial payment does not", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Paid → picking",
      trigger: { type: "payment_recorded" },
      conditions: { statuses: [wf.status.awaiting_payment.code], paid: true },
      actions: [{ type: "set_status", statusCode: wf.status.picking.code }],
    });
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const partial = await recordPayment(db, { orderId: order.id, amount: 1000, actor: staff });
    expect(partial.ok && partial.value.order.statusId).toBe(wf.status.awaiting_payment.id);
    const full = await recordPayment(db, { orderId: order.id, amount: order.total - 1000, actor: staff });
    expect(full.ok && full.value.order.statusId).toBe(wf.status.picking.id);
    expect((await reload(db, order.id)).statusId).toBe(wf.status.picking.id);
  });

  it("status entered: only entering the rule's status fires it, and comments render variables", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Ask for payment",
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "add_comment", body: "Waiting for {{orderNumber}} to be paid", customerVisible: true }],
    });
    const order = await createTestOrder(db, wf.type.code);
    expect(await commentsOf(order.id)).toEqual([]);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    expect(await commentsOf(order.id)).toEqual([`Waiting for ${order.number} to be paid`]);
    const comment = (await historyOf(db, order.id)).find((e) => e.type === "comment");
    expect(comment).toMatchObject({ customerVisible: true, actorType: "automation", actorLabel: "Ask for payment" });
  });

  it("tracking updated: queues the chosen status's template through the outbox", async () => {
    const wf = await createRetailWorkflow(db);
    const rule = await addRule(db, {
      name: "Tell the customer",
      trigger: { type: "tracking_updated" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "send_message", statusCode: wf.status.shipped.code, channel: "sms", audience: "customer" }],
    });
    const order = await createTestOrder(db, wf.type.code, { customer: { name: "Jan Nowak", phone: "+48600999888" } });
    await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "12345678901234U", actor: staff });
    const messages = await db.select().from(outbox).where(eq(outbox.orderId, order.id));
    const sms = messages.filter((m) => m.idempotencyKey.startsWith(`automation:${rule.id}:`));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ kind: "sms", recipient: "+48600999888" });
    expect(sms[0]!.payload).toMatchObject({ template: { statusId: wf.status.shipped.id, channel: "sms", audience: "customer" } });
  });

  it("admin messages go to the rule's addresses", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Alert ops",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "send_message", statusCode: wf.status.new.code, channel: "email", audience: "admin", to: ["boss@example.com"] }],
    });
    const order = await createTestOrder(db, wf.type.code);
    const messages = await db.select().from(outbox).where(eq(outbox.orderId, order.id));
    expect(messages.filter((m) => m.recipient === "boss@example.com")).toHaveLength(1);
  });
});

describe("documents", () => {
  it("attach a pro-forma and email it: the PDF is stored and the email queued with it attached", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Pro-forma for transfers",
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "attach_document", kind: "proforma", email: true }],
    });
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const docs = await db.select().from(documents).where(eq(documents.orderId, order.id));
    expect(docs.map((d) => d.kind)).toEqual(["proforma"]);
    const attached = (await db.select().from(outbox).where(eq(outbox.orderId, order.id))).filter((m) =>
      JSON.stringify(m.payload.attachments ?? []).includes(String(docs[0]!.id)),
    );
    expect(attached).toHaveLength(1);
    const history = await historyOf(db, order.id);
    expect(history.filter((e) => e.actorLabel === "Pro-forma for transfers").length).toBeGreaterThan(0);
    expect(history.some((e) => e.type === "automation_failed")).toBe(false);
  });
});

describe("conditions", () => {
  type Case = { name: string; conditions: Record<string, unknown>; match: Record<string, unknown>; miss: Record<string, unknown> };
  const address = (country: string) => ({ name: "A", street: "Long 1", postalCode: "00-001", city: "Warsaw", country });
  const cases: Case[] = [
    { name: "sales channel", conditions: { channels: ["allegro"] }, match: { channel: "allegro" }, miss: { channel: "shop" } },
    { name: "payment method", conditions: { paymentMethods: ["cod"] }, match: { paymentMethod: "cod" }, miss: { paymentMethod: "card" } },
    { name: "shipping method", conditions: { shippingMethods: ["inpost_locker"] }, match: { shippingMethod: "inpost_locker" }, miss: { shippingMethod: "dpd_courier" } },
    { name: "courier", conditions: { couriers: ["InPost"] }, match: { courier: "inpost" }, miss: {} },
    { name: "country", conditions: { countries: ["DE"] }, match: { shippingAddress: address("DE") }, miss: { shippingAddress: address("PL") } },
    { name: "total range", conditions: { totalMin: 10000, totalMax: 20000 }, match: { total: 15000 }, miss: { total: 20001 } },
  ];

  it.each(cases)("$name: fires for a matching order only", async ({ name, conditions, match, miss }) => {
    const wf = await createRetailWorkflow(db);
    const body = `matched ${name}`;
    await addRule(db, {
      name: `Condition ${name}`,
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code], ...conditions },
      actions: [{ type: "add_comment", body }],
    });
    const hit = await createTestOrder(db, wf.type.code, match);
    const other = await createTestOrder(db, wf.type.code, miss);
    expect(await commentsOf(hit.id)).toEqual([body]);
    expect(await commentsOf(other.id)).toEqual([]);
  });

  it("order type: fires only for the listed type", async () => {
    const wf = await createRetailWorkflow(db);
    const otherWf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Only this type",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "add_comment", body: "typed" }],
    });
    expect(await commentsOf((await createTestOrder(db, wf.type.code)).id)).toEqual(["typed"]);
    expect(await commentsOf((await createTestOrder(db, otherWf.type.code)).id)).toEqual([]);
  });

  it("current status: fires only while the order is in a listed status", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Paid while awaiting payment",
      trigger: { type: "payment_recorded" },
      conditions: { statuses: [wf.status.awaiting_payment.code] },
      actions: [{ type: "add_comment", body: "paid while waiting" }],
    });
    const waiting = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: waiting.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    const fresh = await createTestOrder(db, wf.type.code);
    await recordPayment(db, { orderId: waiting.id, amount: 100, actor: staff });
    await recordPayment(db, { orderId: fresh.id, amount: 100, actor: staff });
    expect(await commentsOf(waiting.id)).toEqual(["paid while waiting"]);
    expect(await commentsOf(fresh.id)).toEqual([]);
  });

  it("paid or not: checks whether the payments reach the total", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Fully paid",
      trigger: { type: "payment_recorded" },
      conditions: { orderTypes: [wf.type.code], paid: true },
      actions: [{ type: "add_comment", body: "paid in full" }],
    });
    const full = await createTestOrder(db, wf.type.code);
    const part = await createTestOrder(db, wf.type.code);
    await recordPayment(db, { orderId: full.id, amount: full.total, actor: staff });
    await recordPayment(db, { orderId: part.id, amount: part.total - 1, actor: staff });
    expect(await commentsOf(full.id)).toEqual(["paid in full"]);
    expect(await commentsOf(part.id)).toEqual([]);
  });
});

describe("safety", () => {
  it("a refused set-status is recorded as automation_failed; the change that triggered it and the other rules go on", async () => {
    const wf = await createRetailWorkflow(db);
    const refused = await addRule(db, {
      name: "Ship at once",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [
        { type: "set_status", statusCode: wf.status.shipped.code },
        { type: "add_comment", body: "shipped at once" },
      ],
    });
    await addRule(db, {
      name: "Say hello",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "add_comment", body: "hello" }],
    });
    const order = await createTestOrder(db, wf.type.code);
    expect((await reload(db, order.id)).statusId).toBe(wf.status.new.id);
    const history = await historyOf(db, order.id);
    expect(history.map((e) => e.type)).toEqual(["created", "automation_failed", "comment"]);
    expect(history[1]).toMatchObject({ actorType: "automation", actorId: String(refused.id), actorLabel: "Ship at once" });
    expect(history[1]!.data).toMatchObject({ ruleId: refused.id, actionIndex: 0, actionType: "set_status", reason: "transition_not_allowed" });
    expect(history[2]!.comment).toBe("hello");
    const [run] = await db.select().from(automationRuns).where(eq(automationRuns.ruleId, refused.id));
    expect(run).toMatchObject({ outcome: "failed", orderId: order.id });
    expect(run!.detail).toMatchObject({ reason: "transition_not_allowed", actions: [{ outcome: "failed" }, { outcome: "skipped" }] });
  });

  it("a payment-gated target is refused as guard_failed and the order stays put", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Invoice at once",
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "set_status", statusCode: wf.status.invoiced.code }],
    });
    const order = await createTestOrder(db, wf.type.code);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    expect(result.ok && result.value.order.statusId).toBe(wf.status.awaiting_payment.id);
    const failed = (await historyOf(db, order.id)).filter((e) => e.type === "automation_failed");
    expect(failed.map((e) => e.data.reason)).toEqual(["guard_failed"]);
  });

  it("chains stop at depth 5 with a depth_limit failure", async () => {
    const { type, line } = await createLineWorkflow(db, 8);
    for (let i = 1; i <= 6; i++) {
      await addRule(db, {
        name: `Step ${i} → ${i + 1}`,
        trigger: { type: "status_entered", statusCode: line[i]!.code },
        actions: [{ type: "set_status", statusCode: line[i + 1]!.code }],
      });
    }
    const order = await createTestOrder(db, type.code);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: line[1]!.id }, actor: staff });
    expect(result.ok).toBe(true);
    // The person's change plus five automated ones: s1 → s6. The sixth rule is stopped.
    expect((await reload(db, order.id)).statusId).toBe(line[6]!.id);
    const history = await historyOf(db, order.id);
    expect(history.filter((e) => e.type === "status_changed" && e.actorType === "automation")).toHaveLength(5);
    const failed = history.filter((e) => e.type === "automation_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ reason: "depth_limit", actionType: "set_status", depth: 5 });
    expect(failed[0]!.actorLabel).toBe("Step 6 → 7");
  });

  it("a cycle is reported once and not looped", async () => {
    // s0 → s1 ⇄ s2: entering s1 sends the order to s2, entering s2 sends it back.
    const { type, line } = await createLineWorkflow(db, 3, [[2, 1]]);
    await addRule(db, {
      name: "Forward",
      trigger: { type: "status_entered", statusCode: line[1]!.code },
      actions: [{ type: "set_status", statusCode: line[2]!.code }],
    });
    await addRule(db, {
      name: "Back",
      trigger: { type: "status_entered", statusCode: line[2]!.code },
      actions: [{ type: "set_status", statusCode: line[1]!.code }],
    });
    const order = await createTestOrder(db, type.code);
    const result = await transitionOrder(db, { orderId: order.id, to: { id: line[1]!.id }, actor: staff });
    expect(result.ok).toBe(true);
    const history = await historyOf(db, order.id);
    // Person → s1, Forward → s2, Back → s1, then Forward would repeat itself: reported.
    expect(history.filter((e) => e.type === "status_changed").map((e) => e.toStatusId)).toEqual([line[1]!.id, line[2]!.id, line[1]!.id]);
    const failed = history.filter((e) => e.type === "automation_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorLabel: "Forward" });
    expect(failed[0]!.data).toMatchObject({ reason: "cycle" });
    expect((await reload(db, order.id)).statusId).toBe(line[1]!.id);
  });

  it("a rule whose status the order already left does not run", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Straight to picking",
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "set_status", statusCode: wf.status.cancelled.code }],
    });
    await addRule(db, {
      name: "Too late",
      trigger: { type: "status_entered", statusCode: wf.status.awaiting_payment.code },
      actions: [{ type: "add_comment", body: "should not appear" }],
    });
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    expect((await reload(db, order.id)).statusId).toBe(wf.status.cancelled.id);
    expect(await commentsOf(order.id)).toEqual([]);
  });

  it("disabled rules do nothing", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Off",
      enabled: false,
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "add_comment", body: "off" }],
    });
    expect(await commentsOf((await createTestOrder(db, wf.type.code)).id)).toEqual([]);
  });
});
