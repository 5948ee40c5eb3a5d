import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox, webhookEndpoints } from "@/db/schema";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import { createWebhookEndpoint } from "@/lib/integrations/webhooks/endpoints";
import type { WebhookPayload } from "@/lib/integrations/webhooks/payload";
import { afterSalesOrderType, applyPreset, returnPreset } from "@/db/seed";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createReturn, recordRefund, refundedSoFar } from "./index";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "7", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await applyPreset(db, { preset: returnPreset, locale: "pl", orderType: afterSalesOrderType("return", "pl") });
});
afterAll(async () => handle?.close());

/** A completed sale of two mugs and a return of both (5000 in all). */
async function returnOfTwoMugs() {
  const wf = await createRetailWorkflow(db);
  const sale = await createTestOrder(db, wf.type.code);
  await db.update(orders).set({ statusId: wf.status.completed.id }).where(eq(orders.id, sale.id));
  const made = await createReturn(db, { parent: { id: sale.id }, kind: "return", items: [{ sku: "MUG-1", quantity: 2 }], reason: "damaged", actor: staff });
  if (!made.ok) throw new Error(made.error.message);
  return { sale, ret: made.value };
}

describe("recordRefund", () => {
  it("records a refund as a history entry of its own, bumping the version, up to the return's total", async () => {
    const { ret } = await returnOfTwoMugs();
    const first = await recordRefund(db, { orderId: ret.id, amount: 2000, method: "bank_transfer", reference: " PL-123 ", actor: staff });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.order.version).toBe(ret.version + 1);
    expect(first.value.event).toMatchObject({ type: "refund_recorded", actorLabel: "Stan Staff", data: { amount: 2000, method: "bank_transfer", reference: "PL-123", refunded: 2000, total: 5000 } });

    const tooMuch = await recordRefund(db, { orderId: ret.id, amount: 3001, method: "card", actor: staff });
    expect(!tooMuch.ok && tooMuch.error.fieldErrors).toEqual({ amount: ["refundTooMuch"] });
    const rest = await recordRefund(db, { orderId: ret.id, amount: 3000, method: "card", actor: staff });
    expect(rest.ok && rest.value.event.data).toMatchObject({ refunded: 5000, reference: null });
    expect(await refundedSoFar(db, ret.id)).toBe(5000);
    expect((await recordRefund(db, { orderId: ret.id, amount: 1, method: "cash", actor: staff })).ok).toBe(false);

    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, ret.id)).orderBy(asc(orderEvents.id));
    expect(events.map((e) => e.type)).toEqual(["created", "refund_recorded", "refund_recorded"]);
  });

  it("refuses a sale, a method not on the list and an amount that is not a positive whole number", async () => {
    const { sale, ret } = await returnOfTwoMugs();
    const ofSale = await recordRefund(db, { orderId: sale.id, amount: 100, method: "card", actor: staff });
    expect(!ofSale.ok && ofSale.error.details).toEqual({ reason: "not_a_return" });
    const bad = await recordRefund(db, { orderId: ret.id, amount: 0.5, method: "gold" as "card", actor: staff });
    expect(!bad.ok && bad.error.fieldErrors).toEqual({ amount: ["amount"], method: ["method"] });
    expect(await refundedSoFar(db, ret.id)).toBe(0);
  });

  it("lets only one of two refunds at once take what is left", async () => {
    const { ret } = await returnOfTwoMugs();
    const both = await Promise.all([3000, 3000].map((amount) => recordRefund(db, { orderId: ret.id, amount, method: "card", actor: staff })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await refundedSoFar(db, ret.id)).toBe(3000);
  });

  it("is announced as order.refund_recorded, in the return's webhook sequence", async () => {
    await db.update(webhookEndpoints).set({ enabled: false });
    const made = await createWebhookEndpoint(db, { url: "https://erp.example.com/refunds", eventTypes: ["order.created", "order.refund_recorded"] }, SYSTEM_AUDIT_ACTOR);
    if (!made.ok) throw new Error(made.error.message);
    const { ret } = await returnOfTwoMugs();
    const refund = await recordRefund(db, { orderId: ret.id, amount: 1500, method: "bank_transfer", reference: "ZW/7", actor: staff });
    if (!refund.ok) throw new Error(refund.error.message);
    const rows = await db.select().from(outbox).where(and(eq(outbox.orderId, ret.id), eq(outbox.webhookEndpointId, made.value.id)));
    const payloads = rows.map((r) => r.payload as unknown as WebhookPayload).sort((a, b) => a.data.sequence - b.data.sequence);
    // Creation is 1, the refund the next: no gap a receiver ordering by sequence would wait on.
    expect(payloads.map((p) => [p.type, p.data.sequence])).toEqual([
      ["order.created", 1],
      ["order.refund_recorded", refund.value.order.version],
    ]);
    expect(refund.value.order.version).toBe(2);
    expect(payloads[1]!.data).toMatchObject({ eventId: refund.value.event.id, order: { orderType: "return" }, details: { amount: 1500, method: "bank_transfer", reference: "ZW/7", refunded: 1500, total: 5000 } });
    await db.update(webhookEndpoints).set({ enabled: false });
  });
});
