import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox, settings } from "@/db/schema";
import { claimDueMessages } from "@/lib/notifications/worker";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { transitionOrder } from "./transition";
import { undoStatusChange, undoStatusChanges } from "./undo";

let handle: DbHandle;
let db: Db;
let wf: Awaited<ReturnType<typeof createRetailWorkflow>>;
const stan = { type: "user" as const, id: "7", label: "Stan" };
const ewa = { type: "user" as const, id: "8", label: "Ewa" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  wf = await createRetailWorkflow(db);
  await getSettings(db);
  await db.update(settings).set({ messageHoldSeconds: 30 });
});
afterAll(async () => handle?.close());

/** An order moved by Stan into Awaiting payment, which emails and texts the customer. */
async function changedByStan() {
  const order = await createTestOrder(db, wf.type.code);
  const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: stan });
  if (!moved.ok) throw new Error(moved.error.message);
  return { order, event: moved.value.event };
}

const messagesOf = (eventId: number) => db.select().from(outbox).where(eq(outbox.eventId, eventId));

describe("a person's change waits the hold", () => {
  it("queues its customer messages to be sent only after the shop's hold; the API's go at once", async () => {
    const { event } = await changedByStan();
    const held = await messagesOf(event.id);
    expect(held.map((m) => m.kind).sort()).toEqual(["email", "sms"]);
    for (const m of held) expect(m.nextAttemptAt.getTime() - event.createdAt.getTime()).toBeGreaterThanOrEqual(29_000);
    // The worker, asked now, takes none of them.
    const claimed = await claimDueMessages(db, { batchSize: 100, leaseMs: 60_000 });
    expect(claimed.filter((m) => m.eventId === event.id)).toEqual([]);

    const order = await createTestOrder(db, wf.type.code);
    const byApi = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: { type: "api", id: "1", label: "ERP" } });
    if (!byApi.ok) throw new Error(byApi.error.message);
    for (const m of await messagesOf(byApi.value.event.id)) expect(m.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("undo", () => {
  it("moves the order back as a change of its own, cancels the held messages and queues none", async () => {
    const { order, event } = await changedByStan();
    const undone = await undoStatusChange(db, { eventId: event.id, actor: stan, mayUndoOthers: false });
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    expect(undone.value.order).toMatchObject({ statusId: wf.status.new.id, version: order.version + 2 });
    expect(undone.value.event).toMatchObject({ type: "status_changed", fromStatusId: wf.status.awaiting_payment.id, toStatusId: wf.status.new.id, actorLabel: "Stan", data: { undoes: event.id } });
    expect((await messagesOf(event.id)).map((m) => [m.state, m.lastError])).toEqual([
      ["cancelled", "undone"],
      ["cancelled", "undone"],
    ]);
    expect(await messagesOf(undone.value.event.id)).toEqual([]);
    const history = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "status_changed")));
    expect(history).toHaveLength(2);
  });

  it("is refused after the hold, once a message went out, after a later change, and for someone else's change", async () => {
    const late = await changedByStan();
    const tooLate = await undoStatusChange(db, { eventId: late.event.id, actor: stan, mayUndoOthers: false, now: new Date(late.event.createdAt.getTime() + 30_000) });
    expect(!tooLate.ok && tooLate.error.code === "undo_refused" && tooLate.error.details?.reason).toBe("hold_over");

    const sent = await changedByStan();
    const [first] = await messagesOf(sent.event.id);
    await db.update(outbox).set({ state: "sent" }).where(eq(outbox.id, first!.id));
    const alreadySent = await undoStatusChange(db, { eventId: sent.event.id, actor: stan, mayUndoOthers: false });
    expect(!alreadySent.ok && alreadySent.error.code === "undo_refused" && alreadySent.error.details?.reason).toBe("already_sent");
    // Refused: nothing cancelled, the order where it was.
    expect((await messagesOf(sent.event.id)).map((m) => m.state).sort()).toEqual(["pending", "sent"]);
    const [stays] = await db.select().from(orders).where(eq(orders.id, sent.order.id));
    expect(stays?.statusId).toBe(wf.status.awaiting_payment.id);

    const moved = await changedByStan();
    const again = await transitionOrder(db, { orderId: moved.order.id, to: { id: wf.status.cancelled.id }, actor: stan });
    expect(again.ok).toBe(true);
    const changed = await undoStatusChange(db, { eventId: moved.event.id, actor: stan, mayUndoOthers: false });
    expect(!changed.ok && changed.error.code === "undo_refused" && changed.error.details?.reason).toBe("changed_since");

    const others = await changedByStan();
    const notYours = await undoStatusChange(db, { eventId: others.event.id, actor: ewa, mayUndoOthers: false });
    expect(!notYours.ok && notYours.error.code === "undo_refused" && notYours.error.details?.reason).toBe("not_yours");
    expect((await undoStatusChange(db, { eventId: others.event.id, actor: ewa, mayUndoOthers: true })).ok).toBe(true);
    // An undo is not undone.
    const undoEvent = await db.select().from(orderEvents).where(eq(orderEvents.orderId, others.order.id));
    const undoOfUndo = undoEvent.find((e) => typeof e.data.undoes === "number")!;
    const refused = await undoStatusChange(db, { eventId: undoOfUndo.id, actor: stan, mayUndoOthers: true });
    expect(!refused.ok && refused.error.code === "undo_refused" && refused.error.details?.reason).toBe("not_undoable");
  });

  it("undoes a batch change by change, reporting each", async () => {
    const a = await changedByStan();
    const b = await changedByStan();
    await transitionOrder(db, { orderId: b.order.id, to: { id: wf.status.cancelled.id }, actor: stan });
    const report = await undoStatusChanges(db, { eventIds: [a.event.id, b.event.id], actor: stan, mayUndoOthers: false });
    expect(report.map((line) => (line.result.ok ? "undone" : line.result.error.code))).toEqual(["undone", "undo_refused"]);
  });

  it("with a hold of 0, sends at once and offers no undo", async () => {
    await db.update(settings).set({ messageHoldSeconds: 0 });
    try {
      const { event } = await changedByStan();
      for (const m of await messagesOf(event.id)) expect(m.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      const refused = await undoStatusChange(db, { eventId: event.id, actor: stan, mayUndoOthers: false });
      expect(!refused.ok && refused.error.code === "undo_refused" && refused.error.details?.reason).toBe("hold_over");
    } finally {
      await db.update(settings).set({ messageHoldSeconds: 30 });
    }
  });
});
