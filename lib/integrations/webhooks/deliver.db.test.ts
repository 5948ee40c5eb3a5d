import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, outbox, webhookAttempts, webhookEndpoints, type WebhookEventType } from "@/db/schema";
import { mailboxEmailProvider, mailboxSmsProvider } from "@/lib/notifications/providers/mailbox";
import { deliverDueMessages, type WorkerOptions } from "@/lib/notifications/worker";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { WebhookReceiver } from "@/tests/support/webhook-receiver";
import { resendWebhookDelivery, sendTestWebhook } from "./deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, setWebhookEndpointEnabled } from "./endpoints";
import { WEBHOOK_RETRY_SCHEDULE_MS, webhookAttemptsAllowed } from "./retry-schedule";
import type { Resolver } from "./url-policy";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;
const receivers: WebhookReceiver[] = [];
const staff = { type: "user" as const, id: "1", label: "Stan" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
  await handle?.close();
});

function options(webhooks: WorkerOptions["webhooks"] = {}, extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    email: mailboxEmailProvider,
    sms: mailboxSmsProvider,
    batchSize: 50,
    webhooks: { allowPrivateNetworks: true, timeoutMs: 300, ...webhooks },
    ...extra,
  };
}

/** A receiver and an endpoint pointing at it, subscribed to status changes only. */
async function setUp(events: WebhookEventType[] = ["order.status_changed"]) {
  const receiver = await new WebhookReceiver().start();
  receivers.push(receiver);
  const created = await createWebhookEndpoint(db, { url: receiver.url, eventTypes: events }, SYSTEM_AUDIT_ACTOR, { allowPrivateNetworks: true });
  if (!created.ok) throw new Error(created.error.message);
  receiver.secret = created.value.secret;
  return { receiver, endpoint: created.value };
}

async function changeStatus(count = 1) {
  const wf = await createRetailWorkflow(db);
  const orderIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const order = await createTestOrder(db, wf.type.code);
    const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    if (!moved.ok) throw new Error(moved.error.message);
    orderIds.push(order.id);
  }
  return orderIds;
}

const deliveriesOf = (endpointId: number) =>
  db.select().from(outbox).where(eq(outbox.webhookEndpointId, endpointId)).orderBy(outbox.id);
const attemptsOf = (endpointId: number) =>
  db.select().from(webhookAttempts).where(eq(webhookAttempts.endpointId, endpointId)).orderBy(webhookAttempts.id);
const endpointRow = async (id: number) => (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;

/** Runs passes, making retries due at once, until the endpoint has nothing claimable left. */
async function drain(endpointId: number, worker: WorkerOptions, maxPasses = 40) {
  for (let pass = 0; pass < maxPasses; pass++) {
    const endpoint = await endpointRow(endpointId);
    const open = (await deliveriesOf(endpointId)).filter((r) => r.state === "pending" || r.state === "sending");
    if (open.length === 0 || !endpoint.enabled) return;
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(and(eq(outbox.webhookEndpointId, endpointId), eq(outbox.state, "pending")));
    await deliverDueMessages(db, worker);
  }
  throw new Error("webhook deliveries did not drain");
}

describe("webhook delivery", () => {
  it("signs and sends a delivery, logs the attempt and marks it sent", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus();
    await drain(endpoint.id, options());
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ state: "sent", attempts: 1, providerMessageId: row!.idempotencyKey });
    expect(receiver.processedIds()).toEqual([row!.idempotencyKey]);
    expect(receiver.processed[0]?.payload).toEqual(row!.payload);
    const [attempt] = await attemptsOf(endpoint.id);
    expect(attempt).toMatchObject({ outboxId: row!.id, responseStatus: 200, responseBody: "processed", error: null });
  });

  it("retries a failed attempt on the webhook schedule, then succeeds and clears the failure count", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus();
    receiver.script = ["500", "500"];
    await deliverDueMessages(db, options({}, { backoffBaseMs: 60_000 }));
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastError: "HTTP 500" });
    const [{ waitMs } = { waitMs: 0 }] = await db
      .select({ waitMs: sql<number>`extract(epoch from ${outbox.nextAttemptAt} - now()) * 1000` })
      .from(outbox)
      .where(eq(outbox.id, row!.id));
    // The webhook schedule's first wait (5 s, stretched by up to a fifth), not the emails' backoff.
    expect(Number(waitMs)).toBeGreaterThan(1_000);
    expect(Number(waitMs)).toBeLessThanOrEqual(6_000);
    expect((await endpointRow(endpoint.id)).consecutiveFailures).toBe(1);

    await drain(endpoint.id, options());
    const [done] = await deliveriesOf(endpoint.id);
    expect(done).toMatchObject({ state: "sent", attempts: 3 });
    expect((await attemptsOf(endpoint.id)).map((a) => [a.responseStatus, a.responseBody])).toEqual([
      [500, "temporarily broken"],
      [500, "temporarily broken"],
      [200, "processed"],
    ]);
    expect((await endpointRow(endpoint.id)).consecutiveFailures).toBe(0);
    expect(receiver.requestsById.get(done!.idempotencyKey)).toBe(3);
  });

  it("gives up after the last attempt without touching the order's history", async () => {
    const { receiver, endpoint } = await setUp();
    const [orderId] = await changeStatus();
    receiver.fallback = "500";
    await drain(endpoint.id, options({ retrySchedule: [1, 1] }));
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ state: "dead", attempts: 3, lastError: "HTTP 500" });
    const failures = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId!), eq(orderEvents.type, "notification_failed")));
    expect(failures).toEqual([]);
  });

  it("disables the endpoint at once when the receiver answers 410, and holds its other deliveries", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus(2);
    receiver.script = ["410"];
    await deliverDueMessages(db, options());
    const after = await endpointRow(endpoint.id);
    expect(after.enabled).toBe(false);
    expect(after.disabledReason).toMatch(/410 Gone/);
    // Which of the two the batch sent first is up to the database.
    const rows = await deliveriesOf(endpoint.id);
    const first = rows.find((r) => r.state === "dead");
    const second = rows.find((r) => r.id !== first?.id);
    expect(first).toMatchObject({ state: "dead", attempts: 1 });
    expect(first?.lastError).toMatch(/410/);
    // The second delivery of the batch found the endpoint off and waits, unsent.
    expect(second).toMatchObject({ state: "pending", lastError: "The endpoint is disabled." });
    expect(receiver.requestCount).toBe(1);
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.id, second!.id));
    await deliverDueMessages(db, options());
    expect((await deliveriesOf(endpoint.id)).find((r) => r.id === second!.id)).toMatchObject({ state: "pending", attempts: second!.attempts });

    // Enabling it again clears the reason and lets the held delivery go.
    const enabled = await setWebhookEndpointEnabled(db, endpoint.id, true, SYSTEM_AUDIT_ACTOR);
    expect(enabled.ok && enabled.value).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await drain(endpoint.id, options());
    expect((await deliveriesOf(endpoint.id)).map((r) => [r.id, r.state])).toEqual(
      rows.map((r) => [r.id, r.id === first!.id ? "dead" : "sent"]),
    );
  });

  it("disables an endpoint whose attempts keep failing for long enough, with the reason", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus(2);
    receiver.fallback = "500";
    // A young streak never disables, however long.
    await drain(endpoint.id, options({ disableAfterFailures: 3, disableAfterMs: 3_600_000, retrySchedule: [1, 1] }));
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: true, consecutiveFailures: 6 });

    await changeStatus();
    await drain(endpoint.id, options({ disableAfterFailures: 3, disableAfterMs: 0, retrySchedule: [1, 1] }));
    const after = await endpointRow(endpoint.id);
    expect(after).toMatchObject({ enabled: false, consecutiveFailures: 7 });
    expect(after.disabledReason).toMatch(/7 attempts in a row; the last: HTTP 500/);
    expect(after.disabledAt).not.toBeNull();
  });

  it("resends a delivery with the same webhook-id, which the receiver recognises", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus();
    await drain(endpoint.id, options());
    const [row] = await deliveriesOf(endpoint.id);
    const resent = await resendWebhookDelivery(db, { endpointId: endpoint.id, outboxId: row!.id });
    expect(resent.ok).toBe(true);
    // A queued delivery cannot be resent twice, nor through another endpoint.
    expect((await resendWebhookDelivery(db, { endpointId: endpoint.id, outboxId: row!.id })).ok).toBe(false);
    await drain(endpoint.id, options());
    expect((await deliveriesOf(endpoint.id))[0]?.state).toBe("sent");
    expect(receiver.requestsById.get(row!.idempotencyKey)).toBe(2);
    expect(receiver.processedIds()).toEqual([row!.idempotencyKey]);
    expect((await attemptsOf(endpoint.id)).length).toBe(2);
    const other = await setUp();
    expect((await resendWebhookDelivery(db, { endpointId: other.endpoint.id, outboxId: row!.id })).ok).toBe(false);
  });

  it("sends a test event, and deleting the endpoint drops its deliveries", async () => {
    const { receiver, endpoint } = await setUp();
    const queued = await sendTestWebhook(db, endpoint.id);
    expect(queued.ok).toBe(true);
    await drain(endpoint.id, options());
    expect(receiver.processed[0]?.payload.type).toBe("webhook.test");

    expect((await deleteWebhookEndpoint(db, endpoint.id, SYSTEM_AUDIT_ACTOR)).ok).toBe(true);
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    expect(await attemptsOf(endpoint.id)).toEqual([]);
    expect((await deleteWebhookEndpoint(db, endpoint.id, SYSTEM_AUDIT_ACTOR)).ok).toBe(false);
  });

  it("refuses to send to a private address unless the operator allows it", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus();
    await deliverDueMessages(db, options({ allowPrivateNetworks: false }));
    const [row] = await deliveriesOf(endpoint.id);
    expect(row?.state).toBe("dead");
    expect(row?.lastError).toMatch(/127\.0\.0\.1 is a private address/);
    expect(receiver.requestCount).toBe(0);
    const [attempt] = await attemptsOf(endpoint.id);
    expect(attempt).toMatchObject({ responseStatus: null, error: expect.stringMatching(/private address/) });
    const refused = await createWebhookEndpoint(db, { url: receiver.url, eventTypes: ["order.created"] }, SYSTEM_AUDIT_ACTOR, { allowPrivateNetworks: false });
    expect(!refused.ok && refused.error.fieldErrors?.url?.[0]).toMatch(/private network/);
  });

  it("refuses at save time the forms that reach this machine: trailing dot, IPv4 inside IPv6, a name that resolves to loopback", async () => {
    const save = (url: string, resolve?: Resolver) => createWebhookEndpoint(db, { url, eventTypes: ["order.created"] }, SYSTEM_AUDIT_ACTOR, { allowPrivateNetworks: false, resolve });
    const toLoopback: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    for (const [url, reason] of [
      ["http://localhost.:3999/", undefined],
      ["http://[::127.0.0.1]:3999/", undefined],
      ["http://[::ffff:7f00:1]:3999/", undefined],
      ["http://[fec0::1]:3999/", undefined],
      ["https://erp.hosts-file.example/hook", "resolves_to_private"],
    ] as const) {
      const refused = await save(url, toLoopback);
      expect(refused.ok, url).toBe(false);
      if (!refused.ok) {
        expect(Object.keys(refused.error.fieldErrors ?? {}), url).toEqual(["url"]);
        if (reason) expect(refused.error.details).toEqual({ reason });
      }
    }
    const ids = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(inArray(webhookEndpoints.url, ["https://erp.hosts-file.example/hook"]));
    expect(ids).toEqual([]);
    // A public name, or one whose DNS is not set up yet, is saved; delivery checks it again.
    const publicName = await save("https://erp.public.example/hook", async () => [{ address: "93.184.216.34", family: 4 }]);
    expect(publicName.ok).toBe(true);
    const notYet = await save("https://erp.not-yet.example/hook", async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    });
    expect(notYet.ok).toBe(true);
  });

  it("refuses an endpoint without events or with a bad address, listing every field", async () => {
    const result = await createWebhookEndpoint(db, { url: "ftp://x", eventTypes: [] }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("validation_failed");
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["eventTypes", "url"]);
    }
    const ids = (await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(inArray(webhookEndpoints.url, ["ftp://x"])));
    expect(ids).toEqual([]);
  });
});

/**
 * Lets a delivery's wait pass at once by moving the delivery and its logged attempts into the
 * past by what is left of the wait: the gaps between logged attempts are then the waits the
 * worker chose, as if the hours had really gone by.
 */
async function letWaitPass(outboxId: number) {
  await db.execute(sql`update webhook_attempts set created_at = created_at - (select next_attempt_at - now() from outbox where id = ${outboxId}) where outbox_id = ${outboxId}`);
  await db.execute(sql`update outbox set created_at = created_at - (next_attempt_at - now()), next_attempt_at = now() where id = ${outboxId}`);
}

describe("the webhook retry schedule", () => {
  it("keeps retrying a failing delivery for days on its schedule, then marks it dead and disables the endpoint", async () => {
    const { receiver, endpoint } = await setUp();
    await changeStatus();
    receiver.fallback = "500";
    const [row] = await deliveriesOf(endpoint.id);
    // No jitter, and the worker's default schedule and auto-disable rule.
    const worker = options({}, { random: () => 0 });
    const attempts = webhookAttemptsAllowed();

    for (let attempt = 1; attempt < attempts; attempt++) {
      await deliverDueMessages(db, worker);
      expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ state: "pending", attempts: attempt });
      // Still trying, so the endpoint stays on.
      expect((await endpointRow(endpoint.id)).enabled).toBe(true);
      await letWaitPass(row!.id);
    }
    await deliverDueMessages(db, worker);

    const log = await attemptsOf(endpoint.id);
    expect(log).toHaveLength(attempts);
    expect(receiver.requestsById.get(row!.idempotencyKey)).toBe(attempts);
    const gaps = log.slice(1).map((a, i) => a.createdAt.getTime() - log[i]!.createdAt.getTime());
    // Each gap is the schedule's wait plus the moments this test took between passes (far less
    // than a minute, and far less than the difference between any two waits).
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(WEBHOOK_RETRY_SCHEDULE_MS[i]!);
      expect(gap).toBeLessThan(WEBHOOK_RETRY_SCHEDULE_MS[i]! + 60_000);
    });
    // Tried well past an hour: the last attempt came days after the first.
    expect(log.at(-1)!.createdAt.getTime() - log[0]!.createdAt.getTime()).toBeGreaterThan(2.5 * 24 * 3_600_000);

    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ state: "dead", attempts, lastError: "HTTP 500" });
    const after = await endpointRow(endpoint.id);
    expect(after).toMatchObject({ enabled: false, consecutiveFailures: attempts });
    expect(after.disabledReason).toMatch(/12 attempts in a row; the last: HTTP 500/);
  });
});
