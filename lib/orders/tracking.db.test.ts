import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders } from "@/db/schema";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { setTracking, transitionOrderByNumber } from "./index";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

const eventsOf = (orderId: number) => db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));

describe("setTracking", () => {
  it("sets courier and tracking number, bumps the version and records the old and new values", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { courier: "dpd" });
    const result = await setTracking(db, {
      orderId: order.id,
      courier: "inpost",
      trackingNumber: " 6200-1234-5678 ",
      actor: staff,
      expectedVersion: order.version,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.order).toMatchObject({ courier: "inpost", trackingNumber: "6200-1234-5678", version: order.version + 1 });
    expect(result.value.event).toMatchObject({
      type: "tracking_updated",
      actorLabel: "Stan Staff",
      data: { courier: "inpost", trackingNumber: "6200-1234-5678", previous: { courier: "dpd", trackingNumber: null } },
    });
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored?.trackingNumber).toBe("6200-1234-5678");
  });

  it("clears a field saved empty, and saving the same values again records nothing", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "X1", actor: staff });
    const cleared = await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "", actor: staff });
    expect(cleared.ok && cleared.value.order.trackingNumber).toBeNull();
    const before = await eventsOf(order.id);
    const same = await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: null, actor: staff });
    expect(same.ok && same.value.event).toBeNull();
    expect(await eventsOf(order.id)).toHaveLength(before.length);
  });

  it("refuses a stale version, an unknown order and bad input, changing nothing", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: "A1", actor: staff });
    const stale = await setTracking(db, {
      orderId: order.id,
      courier: "dhl",
      trackingNumber: "B2",
      actor: staff,
      expectedVersion: order.version,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "version_conflict" } });
    expect(await setTracking(db, { orderId: 987654321, courier: null, trackingNumber: null, actor: staff })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const invalid = await setTracking(db, { orderId: order.id, courier: "In Post!", trackingNumber: "a b", actor: staff });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(Object.keys(invalid.error.fieldErrors ?? {}).sort()).toEqual(["courier", "trackingNumber"]);
    const [stored] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored).toMatchObject({ courier: "dpd", trackingNumber: "A1", version: order.version + 1 });
  });
});

describe("transitionOrderByNumber", () => {
  it("finds the order by number and runs the one transition service", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const moved = await transitionOrderByNumber(db, { number: ` ${order.number} `, to: { id: wf.status.picking.id }, actor: staff });
    expect(moved.ok && moved.value.order.statusId).toBe(wf.status.picking.id);
    const again = await transitionOrderByNumber(db, { number: order.number, to: { id: wf.status.picking.id }, actor: staff });
    expect(again).toMatchObject({ ok: false, error: { code: "transition_not_allowed" } });
    expect(await transitionOrderByNumber(db, { number: "NOPE-1", to: { id: wf.status.picking.id }, actor: staff })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "There is no order NOPE-1." },
    });
  });

  it("finds a number typed in another case, and prefers the exact number where two differ only in case", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod", number: `Case-${wf.suffix}` });
    const moved = await transitionOrderByNumber(db, { number: order.number.toLowerCase(), to: { id: wf.status.picking.id }, actor: staff });
    expect(moved.ok && moved.value.order.id).toBe(order.id);

    const upper = await createTestOrder(db, wf.type.code, { paymentMethod: "cod", number: `TWIN-${wf.suffix}` });
    const lower = await createTestOrder(db, wf.type.code, { paymentMethod: "cod", number: `twin-${wf.suffix}` });
    const exact = await transitionOrderByNumber(db, { number: lower.number, to: { id: wf.status.picking.id }, actor: staff });
    expect(exact.ok && exact.value.order.id).toBe(lower.id);
    expect(upper.id).not.toBe(lower.id);
  });
});
