import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders, outbox, settings, webhookEndpoints } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { addRule, disableAllRules } from "@/lib/automation/test-support";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { addOrderNote } from "@/lib/orders/notes";
import { undoStatusChange } from "@/lib/orders/undo";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createWebhookEndpoint } from "./endpoints";
import { WEBHOOK_EVENT_TYPES } from "./events";
import type { WebhookPayload } from "./payload";

/**
 * Receivers order deliveries per order by `data.sequence` (README, "Webhooks"): it must rise by
 * one with every delivered event of an order, whatever made it (a person, the API, a rule in the
 * same transaction, an undo), and never be repeated, or a receiver would drop a real change.
 */
let handle: DbHandle;
let db: Db;
const stan = { type: "user" as const, id: "7", label: "Stan" };
const erp = { type: "api" as const, id: "1", label: "ERP" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await getSettings(db);
  // Undo needs the shop to hold a person's messages for a while.
  await db.update(settings).set({ messageHoldSeconds: 30 });
});
afterAll(async () => handle?.close());

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("the webhook sequence", () => {
  it("rises by one with every delivered event of an order, rules, undo and interleaved orders included", async () => {
    await db.update(webhookEndpoints).set({ enabled: false });
    await disableAllRules(db);
    const endpoint = must(await createWebhookEndpoint(db, { url: "https://erp.example.com/hooks", eventTypes: [...WEBHOOK_EVENT_TYPES] }, SYSTEM_AUDIT_ACTOR));
    const wf = await createRetailWorkflow(db);
    // Two automated changes inside other changes' transactions: right after creation, and after a full payment.
    await addRule(db, {
      name: "Transfers wait for payment",
      trigger: { type: "order_created" },
      conditions: { orderTypes: [wf.type.code] },
      actions: [{ type: "set_status", statusCode: wf.status.awaiting_payment.code }],
    });
    await addRule(db, {
      name: "Paid → picking",
      trigger: { type: "payment_recorded" },
      conditions: { orderTypes: [wf.type.code], paid: true },
      actions: [{ type: "set_status", statusCode: wf.status.picking.code }],
    });

    const a = await createTestOrder(db, wf.type.code);
    const b = await createTestOrder(db, wf.type.code);
    for (const order of [a, b]) must(await recordPayment(db, { orderId: order.id, amount: 1000, actor: erp }));
    for (const order of [b, a]) must(await recordPayment(db, { orderId: order.id, amount: order.total - 1000, actor: erp }));
    // A note is history, not a webhook: it leaves the sequence alone.
    must(await addOrderNote(db, { orderId: a.id, text: "Customer called", actor: stan }));
    for (const order of [a, b]) must(await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: `DPD-${order.id}`, actor: erp }));
    const shipped = must(await transitionOrder(db, { orderId: a.id, to: { id: wf.status.shipped.id }, actor: stan }));
    must(await undoStatusChange(db, { eventId: shipped.event.id, actor: stan, mayUndoOthers: false }));
    must(await transitionOrder(db, { orderId: b.id, to: { id: wf.status.shipped.id }, actor: erp }));

    for (const order of [a, b]) {
      const rows = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.orderId, order.id), eq(outbox.webhookEndpointId, endpoint.id), inArray(outbox.kind, ["webhook"])))
        .orderBy(outbox.eventId);
      const bodies = rows.map((r) => r.payload as unknown as WebhookPayload);
      const sequences = bodies.map((p) => p.data.sequence);
      // created 1, rule 2, partial payment 3, full payment 4, rule 5, tracking 6, then a: shipped 7, undo 8; b: shipped 7.
      const expected = order === a ? 8 : 7;
      expect(sequences).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      for (const p of bodies) expect(p.data.sequence).toBe(p.data.order.version);
      const [now] = await db.select({ version: orders.version }).from(orders).where(eq(orders.id, order.id));
      expect(sequences.at(-1)).toBe(now!.version);
    }
    await disableAllRules(db);
  });
});
