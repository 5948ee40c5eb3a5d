import { count } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { automationRuns, orderEvents, orders, outbox } from "@/db/schema";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { dryRunAutomations } from "./dry-run";
import { addRule, disableAllRules } from "./test-support";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterEach(async () => disableAllRules(db));
afterAll(async () => handle?.close());

async function footprint() {
  const [events] = await db.select({ n: count() }).from(orderEvents);
  const [messages] = await db.select({ n: count() }).from(outbox);
  const [runs] = await db.select({ n: count() }).from(automationRuns);
  const all = await db.select({ id: orders.id, statusId: orders.statusId, version: orders.version }).from(orders).orderBy(orders.id);
  return { events: events!.n, messages: messages!.n, runs: runs!.n, all };
}

describe("dryRunAutomations", () => {
  it("reports what the rules would do, chain included, and changes nothing", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "transfer" });
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    // Paid before the rules exist; the dry run then asks "what if this payment were recorded now".
    await recordPayment(db, { orderId: order.id, amount: order.total, actor: staff });
    await addRule(db, {
      name: "Paid transfer → picking",
      trigger: { type: "payment_recorded" },
      conditions: { orderTypes: [wf.type.code], paymentMethods: ["transfer"] },
      actions: [{ type: "set_status", statusCode: wf.status.picking.code }],
    });
    await addRule(db, {
      name: "Cards only",
      trigger: { type: "payment_recorded" },
      conditions: { orderTypes: [wf.type.code], paymentMethods: ["card"] },
      actions: [{ type: "add_comment", body: "card" }],
    });
    await addRule(db, {
      name: "Picking → note",
      trigger: { type: "status_entered", statusCode: wf.status.picking.code },
      actions: [{ type: "add_comment", body: "Picking {{orderNumber}}" }],
    });
    const before = await footprint();

    const result = await dryRunAutomations(db, { orderNumber: order.number, trigger: "payment_recorded" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report).toMatchObject({ statusBefore: "Awaiting payment", statusAfter: "Picking" });
    const byName = Object.fromEntries(report.rules.map((r) => [r.ruleName, r]));
    expect(byName["Paid transfer → picking"]).toMatchObject({ matched: true, depth: 0, actions: [{ outcome: "done", summary: "Status set to Picking" }] });
    expect(byName["Cards only"]).toMatchObject({ matched: false });
    expect(byName["Cards only"]!.conditions.find((c) => !c.ok)).toMatchObject({ key: "paymentMethods", expected: "card", actual: "transfer" });
    expect(byName["Picking → note"]).toMatchObject({ matched: true, depth: 1 });
    expect(report.events.map((e) => e.type)).toEqual(["status_changed", "comment"]);
    expect(report.events[1]!.comment).toBe(`Picking ${order.number}`);

    expect(await footprint()).toEqual(before);
  });

  it("'now' shows the time rules due for the order", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    await addRule(db, {
      name: "Nudge",
      trigger: { type: "time_in_status", statusCode: wf.status.awaiting_payment.code, hours: 1 },
      actions: [{ type: "add_comment", body: "nudge" }],
    });
    const before = await footprint();
    const early = await dryRunAutomations(db, { orderNumber: order.number, trigger: "now" });
    expect(early.ok && early.value.rules).toEqual([]);
    const due = await dryRunAutomations(db, { orderNumber: order.number, trigger: "now", now: new Date(Date.now() + 2 * 3_600_000) });
    expect(due.ok && due.value.rules.map((r) => [r.ruleName, r.matched])).toEqual([["Nudge", true]]);
    expect(due.ok && due.value.events.map((e) => e.comment)).toEqual(["nudge"]);
    expect(await footprint()).toEqual(before);
  });

  it("answers an unknown order number with a field error", async () => {
    const result = await dryRunAutomations(db, { orderNumber: "NOPE-1", trigger: "order_created" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors).toEqual({ orderNumber: ["No such order"] });
  });
});
