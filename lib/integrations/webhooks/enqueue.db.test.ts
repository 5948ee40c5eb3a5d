import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, outbox, statuses, type WebhookEventType } from "@/db/schema";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "./endpoints";
import { enqueueWebhooksForEvent } from "./enqueue";
import type { WebhookPayload } from "./payload";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };
const ALL: WebhookEventType[] = ["order.created", "order.status_changed", "order.payment_recorded", "order.tracking_updated"];

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

async function endpoint(eventTypes: WebhookEventType[], url = "https://erp.example.com/hooks") {
  const result = await createWebhookEndpoint(db, { url, eventTypes }, SYSTEM_AUDIT_ACTOR);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function deliveriesOf(orderId: number, endpointIds: number[]) {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orderId, orderId), eq(outbox.kind, "webhook"), inArray(outbox.webhookEndpointId, endpointIds)))
    .orderBy(outbox.id);
  return rows.map((r) => ({ ...r, body: r.payload as unknown as WebhookPayload }));
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("queueing webhooks", () => {
  it("queues one delivery per enabled endpoint subscribed to each event type", async () => {
    const wf = await createRetailWorkflow(db);
    const all = await endpoint(ALL);
    const statusOnly = await endpoint(["order.status_changed"]);
    const paymentOnly = await endpoint(["order.payment_recorded"]);
    const disabled = await endpoint(ALL);
    must(await setWebhookEndpointEnabled(db, disabled.id, false, SYSTEM_AUDIT_ACTOR));
    const ids = [all.id, statusOnly.id, paymentOnly.id, disabled.id];

    const order = await createTestOrder(db, wf.type.code);
    must(await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff }));
    must(await recordPayment(db, { orderId: order.id, amount: 1000, actor: staff }));
    must(await setTracking(db, { orderId: order.id, courier: "inpost", trackingNumber: "INP-1", actor: staff }));

    const rows = await deliveriesOf(order.id, ids);
    const seen = rows.map((r) => [r.webhookEndpointId, r.body.type]);
    expect(seen).toEqual([
      [all.id, "order.created"],
      [all.id, "order.status_changed"],
      [statusOnly.id, "order.status_changed"],
      [all.id, "order.payment_recorded"],
      [paymentOnly.id, "order.payment_recorded"],
      [all.id, "order.tracking_updated"],
    ]);
    for (const row of rows) {
      expect(row.state).toBe("pending");
      expect(row.idempotencyKey).toBe(`msg_${row.webhookEndpointId}_${row.eventId}`);
      expect(row.recipient).toBe("https://erp.example.com/hooks");
    }
    for (const id of ids) await setWebhookEndpointEnabled(db, id, false, SYSTEM_AUDIT_ACTOR);
  });

  it("snapshots the order, the status codes and the marketplace codes as they were at the change", async () => {
    const wf = await createRetailWorkflow(db);
    await db.update(statuses).set({ externalCodes: { allegro: "PICKING", erp: "P1" } }).where(eq(statuses.id, wf.status.picking.id));
    const hook = await endpoint(["order.status_changed", "order.payment_recorded"]);
    const order = await createTestOrder(db, wf.type.code, { paymentMethod: "cod" });
    const moved = must(
      await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor: staff, comment: "Packing today", customerVisible: true }),
    );
    // A later rename does not change what was queued.
    await db.update(statuses).set({ name: "Renamed", externalCodes: {} }).where(eq(statuses.id, wf.status.picking.id));

    const [delivery] = await deliveriesOf(order.id, [hook.id]);
    expect(delivery?.eventId).toBe(moved.event.id);
    expect(delivery?.body).toEqual({
      type: "order.status_changed",
      timestamp: moved.event.createdAt.toISOString(),
      data: {
        eventId: moved.event.id,
        sequence: 2,
        actor: { type: "user", label: "Stan Staff" },
        order: {
          number: order.number,
          orderType: wf.type.code,
          version: 2,
          channel: "shop",
          currency: "PLN",
          total: 5000,
          paidAmount: 0,
          paidAt: null,
          paymentMethod: "cod",
          shippingMethod: null,
          courier: null,
          trackingNumber: null,
          courierTrackingUrl: null,
          trackingUrl: expect.stringMatching(new RegExp(`/track/${order.trackingToken}$`)),
          createdAt: order.createdAt.toISOString(),
        },
        status: { code: wf.status.picking.code, name: "Picking", externalCodes: { allegro: "PICKING", erp: "P1" } },
        previousStatus: { code: wf.status.new.code, name: "New", externalCodes: {} },
        details: { comment: "Packing today", customerVisible: true },
      },
    });

    must(await recordPayment(db, { orderId: order.id, amount: 2000, actor: staff, reference: "PAY-1" }));
    const [, payment] = await deliveriesOf(order.id, [hook.id]);
    expect(payment?.body.type).toBe("order.payment_recorded");
    expect(payment?.body.data.previousStatus).toBeNull();
    expect(payment?.body.data.status.name).toBe("Renamed");
    expect(payment?.body.data.order).toMatchObject({ version: 3, paidAmount: 2000 });
    expect(payment?.body.data.details).toMatchObject({ amount: 2000, reference: "PAY-1", fullyPaid: false });
    await setWebhookEndpointEnabled(db, hook.id, false, SYSTEM_AUDIT_ACTOR);
  });

  it("queues nothing when the change rolls back, and nothing for a refused change", async () => {
    const wf = await createRetailWorkflow(db);
    const hook = await endpoint(ALL);
    const order = await createTestOrder(db, wf.type.code);
    const before = (await deliveriesOf(order.id, [hook.id])).length;

    const [created] = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    await expect(
      db.transaction(async (tx) => {
        expect(await enqueueWebhooksForEvent(tx, { order, event: { ...created!, id: created!.id + 1_000_000, type: "status_changed" }, depth: 0 })).toBe(1);
        throw new Error("the change failed after queueing");
      }),
    ).rejects.toThrow("the change failed");
    // Shipped is not allowed from New: refused, nothing queued.
    const refused = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.shipped.id }, actor: staff });
    expect(refused.ok).toBe(false);

    expect((await deliveriesOf(order.id, [hook.id])).length).toBe(before);
    await setWebhookEndpointEnabled(db, hook.id, false, SYSTEM_AUDIT_ACTOR);
  });
});
