import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders, outbox, statuses, webhookEndpoints } from "@/db/schema";
import { mailboxEmailProvider, mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { deliverDueMessages, type WorkerOptions } from "@/lib/notifications/worker";
import { recordPayment, setTracking, transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { WebhookReceiver, type ReceiverBehaviour } from "@/tests/support/webhook-receiver";
import { createWebhookEndpoint } from "./endpoints";
import { generateWebhookSecret } from "./secret";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

/**
 * The contract with receivers: a consumer written per the Standard Webhooks specification, using
 * the specification's own library to verify, gets every event exactly once per webhook-id while
 * the sender retries through the outbox past 500s and answers slower than its timeout.
 */
let handle: DbHandle;
let db: Db;
let receiver: WebhookReceiver;
const actor = { type: "api" as const, id: "erp", label: "ERP" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await receiver?.stop();
  await handle?.close();
});

const worker: WorkerOptions = {
  email: mailboxEmailProvider,
  sms: mailboxSmsProvider,
  batchSize: 7,
  webhooks: { allowPrivateNetworks: true, timeoutMs: 250 },
};

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function drain(endpointId: number) {
  for (let pass = 0; pass < 100; pass++) {
    const open = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.webhookEndpointId, endpointId), sql`${outbox.state} in ('pending', 'sending')`));
    if (open.length === 0) return;
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(and(eq(outbox.webhookEndpointId, endpointId), eq(outbox.state, "pending")));
    await deliverDueMessages(db, worker);
  }
  throw new Error("webhooks did not drain");
}

describe("the webhook contract", () => {
  it("a verifying receiver processes every event exactly once per webhook-id despite failures and timeouts", async () => {
    const endpoint = must(
      await createWebhookEndpoint(
        db,
        { url: receiver.url, eventTypes: ["order.created", "order.status_changed", "order.payment_recorded", "order.tracking_updated"] },
        SYSTEM_AUDIT_ACTOR, { allowPrivateNetworks: true },
      ),
    );
    receiver.secret = endpoint.secret;
    receiver.slowMs = 600;
    // Roughly a third of the requests fail: 500s, and answers that come after the sender gave up.
    const pattern: ReceiverBehaviour[] = ["500", "ok", "slow", "ok", "500", "ok", "ok", "slow", "500", "ok"];
    receiver.script = Array.from({ length: 80 }, (_, i) => pattern[i % pattern.length]!);

    const wf = await createRetailWorkflow(db);
    for (let i = 0; i < 6; i++) {
      const order = await createTestOrder(db, wf.type.code);
      must(await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor }));
      must(await recordPayment(db, { orderId: order.id, amount: order.total, actor }));
      must(await transitionOrder(db, { orderId: order.id, to: { id: wf.status.picking.id }, actor }));
      must(await setTracking(db, { orderId: order.id, courier: "dpd", trackingNumber: `DPD-${i}`, actor }));
    }
    await drain(endpoint.id);

    const rows = await db.select().from(outbox).where(eq(outbox.webhookEndpointId, endpoint.id));
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    // Every event arrived, each under one webhook-id, and was processed once.
    expect(receiver.processedIds().sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
    const eventIds = receiver.processed.map((e) => e.payload.data.eventId);
    expect(new Set(eventIds).size).toBe(30);
    expect(receiver.verificationFailures).toEqual([]);
    // The failures really happened: some ids were received more than once.
    const repeats = [...receiver.requestsById.values()].filter((n) => n > 1).length;
    expect(repeats).toBeGreaterThan(5);
    expect(rows.some((r) => r.attempts > 1)).toBe(true);

    // Retries deliver out of order; a receiver that keeps the highest sequence per order still
    // ends with each order as it stands, and saw each order's events as 1, 2, 3, ...
    const latest = new Map<string, { sequence: number; status: string }>();
    const sequences = new Map<string, number[]>();
    for (const { payload } of receiver.processed) {
      const { order, sequence, status } = payload.data as { order: { number: string }; sequence: number; status: { code: string } };
      sequences.set(order.number, [...(sequences.get(order.number) ?? []), sequence]);
      if (sequence > (latest.get(order.number)?.sequence ?? 0)) latest.set(order.number, { sequence, status: status.code });
    }
    const final = await db.select({ number: orders.number, version: orders.version, statusId: orders.statusId }).from(orders);
    const statusCodes = new Map((await db.select({ id: statuses.id, code: statuses.code }).from(statuses)).map((s) => [s.id, s.code]));
    for (const [number, seen] of sequences) {
      expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      const order = final.find((o) => o.number === number)!;
      expect(latest.get(number)).toEqual({ sequence: order.version, status: statusCodes.get(order.statusId) });
    }
    expect(sequences.size).toBe(6);
  });

  it("a receiver holding another secret refuses the signature", async () => {
    await db.update(webhookEndpoints).set({ enabled: false });
    const endpoint = must(await createWebhookEndpoint(db, { url: receiver.url, eventTypes: ["order.created"] }, SYSTEM_AUDIT_ACTOR, { allowPrivateNetworks: true }));
    receiver.secret = generateWebhookSecret();
    receiver.script = [];
    const before = receiver.processed.length;
    const wf = await createRetailWorkflow(db);
    await createTestOrder(db, wf.type.code);
    await deliverDueMessages(db, worker);

    expect(receiver.verificationFailures).toEqual(["No matching signature found"]);
    expect(receiver.processed.length).toBe(before);
    const [row] = await db.select().from(outbox).where(eq(outbox.webhookEndpointId, endpoint.id));
    expect(row).toMatchObject({ state: "pending", lastError: "HTTP 400" });
    // The same request verifies with the endpoint's own secret.
    const body = JSON.stringify(row!.payload);
    const now = new Date();
    const signature = new Webhook(endpoint.secret).sign(row!.idempotencyKey, now, body);
    const headers = { "webhook-id": row!.idempotencyKey, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signature };
    expect(new Webhook(endpoint.secret).verify(body, headers)).toEqual(row!.payload);
    expect(() => new Webhook(receiver.secret).verify(body, headers)).toThrow("No matching signature");
  });
});
