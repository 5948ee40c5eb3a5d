import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders } from "@/db/schema";
import { previewStatusChange } from "@/lib/change-preview";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { ORDER_CHANGES_CHANNEL, parseOrderChange, type OrderChange } from "./order-change";

/**
 * The order_events trigger (migration 0018, ADR 0150) on both engines: what a committed change
 * tells the listening app, and that a change that is not kept tells nothing.
 */
let handle: DbHandle;
let db: Db;
let stop: () => Promise<void>;
const heard: string[] = [];
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  stop = await handle.listen(ORDER_CHANGES_CHANNEL, (payload) => heard.push(payload));
});
afterAll(async () => {
  await stop?.();
  await handle?.close();
});

/** Waits until `count` more notifications have come than `from`, and returns them. */
async function heardAfter(from: number, count: number): Promise<OrderChange[]> {
  const deadline = Date.now() + 5_000;
  while (heard.length < from + count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return heard.slice(from).map((payload) => parseOrderChange(payload)!);
}

/**
 * A committed change made after `act` is the marker: notifications arrive in commit order, so
 * when the marker's has come, anything `act` would have sent has come before it.
 */
async function heardFrom(act: () => Promise<unknown>, markerOrderId: number): Promise<OrderChange[]> {
  const from = heard.length;
  await act();
  const marked = await recordPayment(db, { orderId: markerOrderId, amount: 1, actor: staff });
  if (!marked.ok) throw new Error(marked.error.message);
  // The marker's own payment, not its creation, whose notification may still be on its way.
  const isMarker = (change: OrderChange | null | undefined) => change?.orderId === markerOrderId && change.version === marked.value.order.version;
  const deadline = Date.now() + 5_000;
  while (!heard.slice(from).some((p) => isMarker(parseOrderChange(p))) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return heard
    .slice(from)
    .map((payload) => parseOrderChange(payload)!)
    .filter((change) => change.orderId !== markerOrderId);
}

describe("order change notifications", () => {
  it("tell of a created order and of a status change once committed: ids, status and version, nothing personal", async () => {
    const wf = await createRetailWorkflow(db);
    const from = heard.length;
    const order = await createTestOrder(db, wf.type.code);
    const [created] = await heardAfter(from, 1);
    expect(Object.keys(JSON.parse(heard[from]!)).sort()).toEqual(["eventId", "orderId", "orderTypeId", "statusId", "version"]);
    expect(heard[from]).not.toContain("Anna");
    expect(created).toMatchObject({ orderId: order.id, orderTypeId: wf.type.id, statusId: wf.status.new.id, version: order.version });

    const changed = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff, expectedVersion: order.version });
    if (!changed.ok) throw new Error(changed.error.message);
    const [moved] = await heardAfter(from + 1, 1);
    expect(moved).toEqual({
      orderId: order.id,
      orderTypeId: wf.type.id,
      statusId: wf.status.awaiting_payment.id,
      version: order.version + 1,
      eventId: changed.value.event.id,
    });
  });

  it("tell of a payment with the order as it stands at commit", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const marker = await createTestOrder(db, wf.type.code);
    const changes = await heardFrom(() => recordPayment(db, { orderId: order.id, amount: 100, actor: staff }), marker.id);
    expect(changes).toEqual([expect.objectContaining({ orderId: order.id, statusId: wf.status.new.id, version: order.version + 1 })]);
  });

  it("carry the order as committed, whichever of its rows a change writes first", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const marker = await createTestOrder(db, wf.type.code);
    // The status change's writes go out together (lib/orders/transition.ts); here the history row lands first.
    const changes = await heardFrom(
      () =>
        db.transaction(async (tx) => {
          await tx.insert(orderEvents).values({ orderId: order.id, type: "status_changed", fromStatusId: wf.status.new.id, toStatusId: wf.status.picking.id, actorType: "system", actorLabel: "Test" });
          await tx.update(orders).set({ statusId: wf.status.picking.id, version: order.version + 1 }).where(eq(orders.id, order.id));
        }),
      marker.id,
    );
    expect(changes).toEqual([expect.objectContaining({ orderId: order.id, statusId: wf.status.picking.id, version: order.version + 1 })]);
  });

  it("say nothing for a change that is rolled back: a preview, a transaction that fails, a savepoint given up", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const marker = await createTestOrder(db, wf.type.code);
    const to = { id: wf.status.awaiting_payment.id };

    const preview = await heardFrom(async () => {
      const effects = await previewStatusChange(db, { orderId: order.id, to, actor: staff, expectedVersion: order.version });
      expect(effects.ok).toBe(true);
    }, marker.id);
    expect(preview).toEqual([]);

    const failed = await heardFrom(async () => {
      await expect(
        db.transaction(async (tx) => {
          const result = await transitionOrder(tx, { orderId: order.id, to, actor: staff, expectedVersion: order.version });
          expect(result.ok).toBe(true);
          throw new Error("the request failed after the change");
        }),
      ).rejects.toThrow("the request failed");
    }, marker.id);
    expect(failed).toEqual([]);

    // Given up to a savepoint, the status change says nothing; the payment kept after it does.
    const partly = await heardFrom(
      () =>
        db.transaction(async (tx) => {
          await tx
            .transaction(async (savepoint) => {
              await transitionOrder(savepoint, { orderId: order.id, to, actor: staff, expectedVersion: order.version });
              savepoint.rollback();
            })
            .catch(() => undefined);
          await recordPayment(tx, { orderId: order.id, amount: 100, actor: staff });
        }),
      marker.id,
    );
    expect(partly).toEqual([expect.objectContaining({ orderId: order.id, statusId: wf.status.new.id, version: order.version + 1 })]);
  });
});
