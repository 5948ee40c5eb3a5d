import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { automationRuns, orders } from "@/db/schema";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { runDueTimeRules } from "./scheduler";
import { addRule, disableAllRules, historyOf, reload } from "./test-support";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterEach(async () => disableAllRules(db));
afterAll(async () => handle?.close());

/** A retail process with a rule commenting on orders left 24 hours in awaiting payment. */
async function setUp(extra: { conditions?: Record<string, unknown> } = {}) {
  const wf = await createRetailWorkflow(db);
  const rule = await addRule(db, {
    name: "Unpaid for a day",
    trigger: { type: "time_in_status", statusCode: wf.status.awaiting_payment.code, hours: 24 },
    conditions: { paid: false, ...extra.conditions },
    actions: [{ type: "add_comment", body: "Still unpaid: {{orderNumber}}" }],
  });
  const waiting = async () => {
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    return order;
  };
  return { wf, rule, waiting };
}

const comments = async (orderId: number) => (await historyOf(db, orderId)).filter((e) => e.type === "comment");
const later = (hours: number) => new Date(Date.now() + hours * HOUR);

describe("runDueTimeRules", () => {
  it("fires once per stay in the status, however often it runs", async () => {
    const { rule, waiting } = await setUp();
    const order = await waiting();
    expect(await runDueTimeRules(db, { now: later(23) })).toMatchObject({ fired: 0 });
    expect(await comments(order.id)).toHaveLength(0);

    await runDueTimeRules(db, { now: later(25) });
    await runDueTimeRules(db, { now: later(26) });
    const made = await comments(order.id);
    expect(made.map((c) => c.comment)).toEqual([`Still unpaid: ${order.number}`]);
    expect(made[0]).toMatchObject({ actorType: "automation", actorLabel: "Unpaid for a day" });
    const runs = await db.select().from(automationRuns).where(eq(automationRuns.ruleId, rule.id));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: "done", orderId: order.id });
  });

  it("fires once when two schedulers run at the same moment", async () => {
    const { rule, waiting } = await setUp();
    const order = await waiting();
    const tallies = await Promise.all([runDueTimeRules(db, { now: later(25) }), runDueTimeRules(db, { now: later(25) })]);
    expect(tallies.reduce((sum, t) => sum + t.fired, 0)).toBe(1);
    expect(await comments(order.id)).toHaveLength(1);
    expect(await db.select().from(automationRuns).where(eq(automationRuns.ruleId, rule.id))).toHaveLength(1);
  });

  it("fires again after the order leaves the status and comes back", async () => {
    const { wf, waiting } = await setUp();
    const order = await waiting();
    await runDueTimeRules(db, { now: later(25) });
    // Back to new is not in the retail matrix; simulate a second stay by a fresh entry event.
    await db.update(orders).set({ statusId: wf.status.new.id }).where(eq(orders.id, order.id));
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    await runDueTimeRules(db, { now: later(50) });
    expect(await comments(order.id)).toHaveLength(2);
  });

  it("a miss on the conditions is logged once and not re-checked every minute", async () => {
    const { rule, waiting } = await setUp({ conditions: { channels: ["allegro"] } });
    const order = await waiting();
    await runDueTimeRules(db, { now: later(25) });
    await runDueTimeRules(db, { now: later(26) });
    expect(await comments(order.id)).toHaveLength(0);
    const runs = await db.select().from(automationRuns).where(eq(automationRuns.ruleId, rule.id));
    expect(runs.map((r) => r.outcome)).toEqual(["skipped"]);
  });

  it("runs set-status through the transition service, refusals included", async () => {
    const wf = await createRetailWorkflow(db);
    await addRule(db, {
      name: "Cancel after a week",
      trigger: { type: "time_in_status", statusCode: wf.status.awaiting_payment.code, hours: 168 },
      actions: [{ type: "set_status", statusCode: wf.status.cancelled.code }],
    });
    await addRule(db, {
      name: "Ship after a week",
      trigger: { type: "time_in_status", statusCode: wf.status.awaiting_payment.code, hours: 168 },
      actions: [{ type: "set_status", statusCode: wf.status.shipped.code }],
    });
    const order = await createTestOrder(db, wf.type.code);
    await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    await runDueTimeRules(db, { now: later(169) });
    expect((await reload(db, order.id)).statusId).toBe(wf.status.cancelled.id);
    const history = await historyOf(db, order.id);
    expect(history.at(-1)).toMatchObject({ type: "status_changed", actorType: "automation", actorLabel: "Cancel after a week" });
  });
});
