import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders } from "@/db/schema";
import { env } from "@/lib/env";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { BULK_CHANGES_AT_ONCE, transitionOrders } from "./bulk-transition";

/**
 * Every `transitionOrder` call of the bulk change goes through this wrapper, which counts the calls
 * running at once, notes the order they finish in, and can make an order slow or throw.
 */
const watch = vi.hoisted(() => ({
  running: 0,
  most: 0,
  called: [] as number[],
  finished: [] as number[],
  slow: new Map<number, number>(),
  broken: new Set<number>(),
}));
vi.mock("./transition", async (importOriginal) => {
  const real = await importOriginal<typeof import("./transition")>();
  const transitionOrder: typeof real.transitionOrder = async (db, input, observe) => {
    const orderId = input.orderId ?? 0;
    watch.running += 1;
    watch.most = Math.max(watch.most, watch.running);
    watch.called.push(orderId);
    try {
      const delay = watch.slow.get(orderId);
      watch.slow.delete(orderId);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (watch.broken.has(orderId)) throw new Error(`broken ${orderId}`);
      return await real.transitionOrder(db, input, observe);
    } finally {
      watch.running -= 1;
      watch.finished.push(orderId);
    }
  };
  return { ...real, transitionOrder };
});

const onServer = Boolean(env().TEST_DATABASE_URL);
let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());
beforeEach(() => {
  Object.assign(watch, { running: 0, most: 0, called: [], finished: [] });
  watch.slow.clear();
  watch.broken.clear();
});

async function someOrders(n: number) {
  const wf = await createRetailWorkflow(db);
  const list = [];
  for (let i = 0; i < n; i++) list.push(await createTestOrder(db, wf.type.code, { paymentMethod: "cod" }));
  return { wf, list };
}

async function statusesOf(ids: number[]): Promise<Map<number, number>> {
  const rows = await db.select({ id: orders.id, statusId: orders.statusId }).from(orders).where(inArray(orders.id, ids));
  return new Map(rows.map((r) => [r.id, r.statusId]));
}

describe("transitionOrders, several at once", () => {
  it(`runs at most ${BULK_CHANGES_AT_ONCE} changes at once on Postgres, and more than one; one at a time on PGlite`, async () => {
    const { wf, list } = await someOrders(12);
    const report = await transitionOrders(db, { orders: list.map((o) => ({ orderId: o.id })), to: { id: wf.status.picking.id }, actor: staff });
    expect(report.every((r) => r.result.ok)).toBe(true);
    expect(watch.called).toHaveLength(12);
    expect(watch.most).toBe(handle.kind === "postgres" ? BULK_CHANGES_AT_ONCE : 1);
  });

  it("runs one at a time inside a caller's transaction, whose one connection every change joins", async () => {
    const { wf, list } = await someOrders(5);
    const report = await db.transaction((tx) =>
      transitionOrders(tx, { orders: list.map((o) => ({ orderId: o.id })), to: { id: wf.status.picking.id }, actor: staff }),
    );
    expect(report.every((r) => r.result.ok)).toBe(true);
    expect(watch.most).toBe(1);
  });

  it.skipIf(!onServer)("keeps the input's order in the report when a later order finishes first, and counts progress up to the total", async () => {
    const { wf, list } = await someOrders(6);
    const [first] = list;
    // Another connection holds the first order's row: its change waits while the others commit.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, first!.id)).for("update");
      locked();
      await released;
    });
    await isLocked;
    // Run one after another, the others would wait behind the first: let go after a while anyway.
    const fallback = setTimeout(release, 3_000);

    const progress: [number, number][] = [];
    const report = await transitionOrders(
      db,
      { orders: list.map((o) => ({ orderId: o.id })), to: { id: wf.status.picking.id }, actor: staff },
      (done, total) => {
        progress.push([done, total]);
        if (done === total - 1) release();
      },
    );
    await holder;
    clearTimeout(fallback);

    expect(watch.finished.at(-1)).toBe(first!.id);
    expect(report.map((r) => r.orderId)).toEqual(list.map((o) => o.id));
    expect(report.map((r) => (r.result.ok ? r.result.value.order.id : null))).toEqual(list.map((o) => o.id));
    expect(progress).toEqual(list.map((_, i) => [i + 1, list.length]));
  });

  it("reports one refused order among many in its place and changes the rest", async () => {
    const { wf, list } = await someOrders(8);
    const progress: number[] = [];
    const report = await transitionOrders(
      db,
      { orders: list.map((o, i) => ({ orderId: o.id, expectedVersion: i === 5 ? 99 : o.version })), to: { id: wf.status.picking.id }, actor: staff },
      (done) => progress.push(done),
    );
    expect(report.map((r) => r.orderId)).toEqual(list.map((o) => o.id));
    expect(report.map((r) => (r.result.ok ? "changed" : r.result.error.code))).toEqual(list.map((_, i) => (i === 5 ? "version_conflict" : "changed")));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await statusesOf(list.map((o) => o.id));
    list.forEach((o, i) => expect(stored.get(o.id)).toBe(i === 5 ? wf.status.new.id : wf.status.picking.id));
  });

  it("changes an order named twice in the order given, once, even when its first entry is slow", async () => {
    const { wf, list } = await someOrders(4);
    const [a, b, c, d] = list;
    watch.slow.set(a!.id, 150);
    const report = await transitionOrders(db, {
      orders: [{ orderId: a!.id }, { orderId: b!.id }, { orderId: a!.id }, { orderId: c!.id }, { orderId: d!.id }],
      to: { id: wf.status.picking.id },
      actor: staff,
    });
    // As one after another: the second entry finds the order already in picking.
    expect(report.map((r) => [r.orderId, r.result.ok ? "changed" : r.result.error.code])).toEqual([
      [a!.id, "changed"],
      [b!.id, "changed"],
      [a!.id, "transition_not_allowed"],
      [c!.id, "changed"],
      [d!.id, "changed"],
    ]);
    const history = await db.select().from(orderEvents).where(eq(orderEvents.orderId, a!.id));
    expect(history.filter((e) => e.toStatusId === wf.status.picking.id)).toHaveLength(1);
  });

  it("on an unexpected exception starts no further order, keeps the ones that ran and throws it", async () => {
    const { wf, list } = await someOrders(12);
    const broken = list[2]!;
    watch.broken.add(broken.id);
    await expect(
      transitionOrders(db, { orders: list.map((o) => ({ orderId: o.id })), to: { id: wf.status.picking.id }, actor: staff }),
    ).rejects.toThrow(`broken ${broken.id}`);

    const atOnce = handle.kind === "postgres" ? BULK_CHANGES_AT_ONCE : 1;
    // Those already running when it threw: at most the ones up to it and the others at once.
    expect(watch.called.length).toBeLessThanOrEqual(3 + atOnce - 1);
    expect(watch.running).toBe(0);
    const stored = await statusesOf(list.map((o) => o.id));
    for (const order of list) {
      const ran = watch.called.includes(order.id) && order.id !== broken.id;
      expect(stored.get(order.id)).toBe(ran ? wf.status.picking.id : wf.status.new.id);
    }
    expect(watch.called.slice(0, 3)).toEqual(list.slice(0, 3).map((o) => o.id));
  });
});
