import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orderEvents, orders, outbox, settings } from "@/db/schema";
import { transitionOrder } from "@/lib/orders";
import { FakeResend } from "@/tests/support/fake-resend";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { refusedQueryError } from "@/tests/support/database-outage";
import { openTestDb } from "@/tests/support/test-db";
import { enqueueStatusNotifications } from "./enqueue";
import { mailboxSmsProvider } from "./providers/mailbox";
import type { EmailProvider, SmsProvider } from "./providers/types";
import { createResendProvider } from "./providers/resend";
import { smsRecipient } from "./sms-recipient";
import { recordOutcome, renderFailure } from "./delivery-outcome";
import { claimDueMessages, deliverClaimed, deliverDueMessages, retryDeadMessage, type WorkerOptions } from "./worker";
import { getSettings } from "@/lib/settings";
import { rateLimitCounters } from "@/db/schema";

let handle: DbHandle;
let db: Db;
let fake: FakeResend;
const staff = { type: "user" as const, id: "1", label: "Stan" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  fake = await new FakeResend().start();
  // These tests are about delivery: a person's change sends at once here. The undo hold is
  // tested in lib/orders/undo.db.test.ts.
  await getSettings(db);
  await db.update(settings).set({ messageHoldSeconds: 0 });
});
afterAll(async () => {
  await fake?.stop();
  await handle?.close();
});

function workerOptions(extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    // Short, so a hang is given up quickly; long enough that a busy machine's slow answer is not one.
    email: createResendProvider({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 1_000 }),
    sms: mailboxSmsProvider,
    backoffBaseMs: 1,
    maxAttempts: 6,
    batchSize: 50,
    ...extra,
  };
}

/**
 * Orders whose move to "awaiting payment" queued one customer email each (plus an SMS, and the
 * order confirmation from their creation, which the drain delivers too).
 */
const statusEmailEvents = new Set<number>();

async function queueEmails(count: number): Promise<number[]> {
  const wf = await createRetailWorkflow(db);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const order = await createTestOrder(db, wf.type.code, { customer: { name: `Klient ${i}`, email: `k${i}@example.com` } });
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    statusEmailEvents.add(result.value.event.id);
    ids.push(order.id);
  }
  return ids;
}

async function outboxRowsOf(orderIds: number[]) {
  return db.select().from(outbox).where(inArray(outbox.orderId, orderIds));
}

/** The "awaiting payment" emails of these orders, oldest first. */
async function statusEmailsOf(orderIds: number[]) {
  return (await outboxRowsOf(orderIds))
    .filter((r) => r.kind === "email" && statusEmailEvents.has(r.eventId ?? -1))
    .sort((a, b) => a.id - b.id);
}

/** Runs passes until nothing is left to do, making retries due at once instead of waiting. */
async function drain(options: WorkerOptions, orderIds: number[], maxPasses = 30) {
  for (let pass = 0; pass < maxPasses; pass++) {
    const pending = (await outboxRowsOf(orderIds)).filter((r) => r.state === "pending" || r.state === "sending");
    if (pending.length === 0) return;
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(inArray(outbox.orderId, orderIds));
    await deliverDueMessages(db, options);
  }
  throw new Error("outbox did not drain");
}

describe("outbox worker", () => {
  it("sends each queued email once with its idempotency key and records what was sent", async () => {
    const orderIds = await queueEmails(3);
    await drain(workerOptions(), orderIds);
    const emails = (await statusEmailsOf(orderIds));
    expect(emails).toHaveLength(3);
    for (const row of emails) {
      expect(row.state).toBe("sent");
      const delivery = fake.deliveries.get(row.idempotencyKey);
      expect(delivery?.id).toBe(row.providerMessageId);
      expect(delivery?.to).toEqual([row.recipient]);
      expect(row.renderedSubject).toMatch(/^Zamówienie ORD-\d+: /);
      expect(row.renderedBody).toContain("<html");
    }
    expect(fake.requestsWithoutKey).toEqual([]);
  });

  it("sends from the shop's sender address under its quoted name, with replies going to support", async () => {
    await db.insert(settings).values({}).onConflictDoNothing();
    await db.update(settings).set({ shopName: 'Kowalski, Nowak "Sklep" s.c.', senderEmail: "orders@shop.example", supportEmail: "help@shop.example" });
    try {
      const [orderId] = await queueEmails(1);
      await drain(workerOptions(), [orderId!]);
      const [email] = await statusEmailsOf([orderId!]);
      expect(fake.deliveries.get(email!.idempotencyKey)).toMatchObject({
        from: '"Kowalski, Nowak \\"Sklep\\" s.c." <orders@shop.example>',
        replyTo: "help@shop.example",
      });
    } finally {
      await db.update(settings).set({ shopName: "My shop", senderEmail: null, supportEmail: null });
    }
  });

  it("survives 500s, 429 with Retry-After, timeouts and dropped connections: every email delivered exactly once", async () => {
    const orderIds = await queueEmails(8);
    fake.script = ["500", "429", "timeout", "drop", "500", "ok", "drop", "timeout", "429", "500"];
    await drain(workerOptions(), orderIds);
    const emails = (await statusEmailsOf(orderIds));
    expect(emails.map((r) => r.state)).toEqual(Array(8).fill("sent"));
    expect(new Set(emails.map((r) => r.providerMessageId)).size).toBe(8);
    for (const row of emails) expect(fake.deliveries.get(row.idempotencyKey)?.requests).toBe(1);
    expect(emails.some((r) => r.attempts > 1)).toBe(true);
  });

  it("waits at least as long as Retry-After says", async () => {
    const [orderId] = await queueEmails(1);
    // Every request of the pass is refused: which of the order's emails goes first is not the point.
    fake.fallback = "429";
    let tally;
    try {
      tally = await deliverDueMessages(db, workerOptions());
    } finally {
      fake.fallback = "ok";
    }
    expect(tally.retry).toBeGreaterThanOrEqual(1);
    const [row] = (await statusEmailsOf([orderId!]));
    expect(row?.state).toBe("pending");
    expect(row?.lastError).toContain("429");
    const [{ waitMs } = { waitMs: 0 }] = await db
      .select({ waitMs: sql<number>`extract(epoch from ${outbox.nextAttemptAt} - now()) * 1000` })
      .from(outbox)
      .where(eq(outbox.id, row!.id));
    expect(Number(waitMs)).toBeGreaterThan(1500);
    await drain(workerOptions(), [orderId!]);
  });

  it("a worker killed mid-send loses its claim to another, and the customer still gets one email", async () => {
    const orderIds = await queueEmails(2);
    const lease = { leaseMs: 200 };
    const claimed = await claimDueMessages(db, { batchSize: 50, ...lease });
    const mine = claimed.filter((r) => r.kind === "email" && statusEmailEvents.has(r.eventId ?? -1) && orderIds.includes(r.orderId!));
    expect(mine).toHaveLength(2);
    // The first worker sends the first row, then dies before recording it.
    const dying = workerOptions(lease);
    await dying.email.sendEmail({
      to: mine[0]!.recipient,
      from: "x@example.com",
      subject: "s",
      html: "<p>h</p>",
      text: "t",
      idempotencyKey: mine[0]!.idempotencyKey,
    });
    await new Promise((r) => setTimeout(r, 300));
    // Another worker reclaims both expired rows and delivers them.
    await drain(workerOptions(lease), orderIds);
    const rows = (await statusEmailsOf(orderIds));
    expect(rows.map((r) => r.state)).toEqual(["sent", "sent"]);
    expect(fake.deliveries.get(mine[0]!.idempotencyKey)?.requests).toBe(2);
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(2);
    // The dead worker's late write finds its claim gone and changes nothing.
    expect(await deliverClaimed(db, mine[1]!, workerOptions())).toBe("lost_claim");
  });

  it("two workers side by side never send a row twice", async () => {
    const orderIds = await queueEmails(12);
    const before = fake.requestCount;
    const run = async () => {
      for (let i = 0; i < 10; i++) await deliverDueMessages(db, workerOptions({ batchSize: 3 }));
    };
    await Promise.all([run(), run()]);
    const rows = (await statusEmailsOf(orderIds));
    expect(rows.map((r) => r.state)).toEqual(Array(12).fill("sent"));
    for (const row of rows) expect(fake.deliveries.get(row.idempotencyKey)?.requests).toBe(1);
    // 12 status emails and 12 order confirmations, each requested exactly once.
    expect(fake.requestCount - before).toBe(24);
  });

  it("marks a row dead after the last attempt, records it on the order, and retries it on request", async () => {
    const [orderId] = await queueEmails(1);
    fake.fallback = "500";
    try {
      await drain(workerOptions({ maxAttempts: 3 }), [orderId!]);
    } finally {
      fake.fallback = "ok";
    }
    const [row] = (await statusEmailsOf([orderId!]));
    expect(row).toMatchObject({ state: "dead", attempts: 3 });
    expect(row?.lastError).toContain("500");
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId!));
    const failures = events.filter((e) => e.type === "notification_failed" && e.data.outboxId === row!.id);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.data).toMatchObject({ kind: "email", attempts: 3 });

    expect(await retryDeadMessage(db, row!.id)).toBe(true);
    await drain(workerOptions(), [orderId!]);
    const [again] = (await statusEmailsOf([orderId!]));
    expect(again?.state).toBe("sent");
  });

  it("puts a message back unsent, its attempt not counted, when the database went away while it was being prepared", async () => {
    const [orderId] = await queueEmails(1);
    const outage = await refusedQueryError();
    const queued = await outboxRowsOf([orderId!]);
    const claimed = (await claimDueMessages(db, { batchSize: 500, leaseMs: 30_000 })).filter((r) => r.orderId === orderId);
    expect(claimed.map((r) => r.id).sort()).toEqual(queued.map((r) => r.id).sort());

    // What the worker records when rendering threw because the database was restarting.
    for (const row of claimed) expect(await recordOutcome(db, row, renderFailure(outage, () => 0), workerOptions())).toBe("deferred");
    for (const row of await outboxRowsOf([orderId!])) {
      expect(row).toMatchObject({ state: "pending", attempts: queued.find((q) => q.id === row.id)!.attempts, lockedUntil: null });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    const failures = (await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId!))).filter((e) => e.type === "notification_failed");
    expect(failures).toEqual([]);

    // A template that cannot render is another matter: retrying will not mend it.
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.orderId, orderId!));
    // A lease that lapses at once: the order's other rows, claimed alongside, go to the drain below.
    const [again] = (await claimDueMessages(db, { batchSize: 500, leaseMs: 1 })).filter((r) => r.orderId === orderId && r.kind === "email");
    expect(await recordOutcome(db, again!, renderFailure(new Error("Template variable {{total}} is missing")), workerOptions())).toBe("dead");
    await drain(workerOptions(), [orderId!]);
    const states = (await outboxRowsOf([orderId!])).map((r) => r.state);
    expect(states.filter((state) => state === "dead")).toHaveLength(1);
    expect(states.filter((state) => state !== "dead").every((state) => state === "sent")).toBe(true);
  });

  it("never texts a stored phone that is not a number: the SMS is recorded dead with the reason, also when retried", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    // An order stored before phone numbers were checked.
    const stored = "<script>alert(1)</script>";
    await db.update(orders).set({ customerPhone: stored }).where(eq(orders.id, order.id));
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    const texted: string[] = [];
    const sms: SmsProvider = { name: "spy", sendSms: async (m) => (texted.push(m.to), { ok: true, providerMessageId: "x" }) };
    const reason = smsRecipient(stored);
    expect(reason.ok).toBe(false);
    const smsOf = async () => (await outboxRowsOf([order.id])).filter((r) => r.kind === "sms" && r.eventId === result.value.event.id);

    const [queued] = await smsOf();
    expect(queued).toMatchObject({ state: "dead", attempts: 0, recipient: stored, lastError: !reason.ok && reason.error.message });
    await drain(workerOptions({ sms }), [order.id]);
    expect(await retryDeadMessage(db, queued!.id)).toBe(true);
    await drain(workerOptions({ sms }), [order.id]);
    expect(await smsOf()).toEqual([expect.objectContaining({ state: "dead", lastError: !reason.ok && reason.error.message })]);
    expect(texted).toEqual([]);
  });

  it("texts a stored number normalised", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    await db.update(orders).set({ customerPhone: " +48 (600) 100-200 " }).where(eq(orders.id, order.id));
    const result = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    const texted: string[] = [];
    const sms: SmsProvider = { name: "spy", sendSms: async (m) => (texted.push(m.to), { ok: true, providerMessageId: "x" }) };
    await drain(workerOptions({ sms }), [order.id]);
    expect(texted).toContain("+48600100200");
  });

  it("a status change that rolls back leaves no outbox row", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const before = (await outboxRowsOf([order.id])).length;
    await expect(
      db.transaction(async (tx) => {
        await enqueueStatusNotifications(tx, {
          order,
          status: wf.status.shipped,
          settings: { shopName: "S", appUrl: "http://x", courierTrackingLinks: {}, messageHoldSeconds: 0, duplicateWindowHours: 24 } as never,
          eventId: 999_999_000 + order.id,
        });
        throw new Error("the change failed after queueing");
      }),
    ).rejects.toThrow("the change failed");
    expect((await outboxRowsOf([order.id])).length).toBe(before);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client that never gives up on a slow answer here: these tests count requests, and a retry would add one. */
const patient = (extra: { requestsPerSecond?: number } = {}) =>
  createResendProvider({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 10_000, ...extra });

/** Passes until nothing of these orders waits, each row when it is due (as the loop would, not hurried). */
async function workUntilSent(options: WorkerOptions, orderIds: number[]) {
  for (let pass = 0; pass < 500; pass++) {
    if (!(await outboxRowsOf(orderIds)).some((r) => r.state === "pending" || r.state === "sending")) return;
    if ((await deliverDueMessages(db, options)).claimed === 0) await sleep(20);
  }
  throw new Error("outbox did not drain");
}

describe("outbox worker: sends side by side, at the provider's pace", () => {
  it("keeps at most `concurrency` sends in flight, and uses them all", async () => {
    const orderIds = await queueEmails(6);
    fake.delayMs = 40;
    fake.maxInFlight = 0;
    try {
      await drain(workerOptions({ concurrency: 3, email: patient() }), orderIds);
    } finally {
      fake.delayMs = 0;
    }
    expect((await statusEmailsOf(orderIds)).map((r) => r.state)).toEqual(Array(6).fill("sent"));
    expect(fake.maxInFlight).toBe(3);
  });

  it("sends a customer's emails one after another, in the order they were queued", async () => {
    const [orderId] = await queueEmails(1);
    fake.delayMs = 40;
    fake.maxInFlight = 0;
    const before = fake.requestCount;
    const order: string[] = [];
    fake.onRequest = (key) => order.push(key);
    try {
      await drain(workerOptions({ concurrency: 4, email: patient() }), [orderId!]);
    } finally {
      fake.delayMs = 0;
      fake.onRequest = undefined;
    }
    // The order confirmation, then the "awaiting payment" email: the second left once the first was answered.
    const emails = (await outboxRowsOf([orderId!])).filter((r) => r.kind === "email").sort((a, b) => a.id - b.id);
    expect(emails.map((r) => r.state)).toEqual(["sent", "sent"]);
    expect(fake.requestCount - before).toBe(2);
    expect(order).toEqual(emails.map((r) => r.idempotencyKey));
    expect(fake.maxInFlight).toBe(1);
  });

  it("two workers together keep the provider's rate limit, shared through the database", async () => {
    const orderIds = await queueEmails(4);
    const since = fake.requestTimes.length;
    const rate = 4;
    // Each worker has its own provider client, as separate processes would.
    const paced = () => workerOptions({ concurrency: 4, email: patient({ requestsPerSecond: rate }) });
    // Small batches, so both have rows to send.
    await Promise.all([workUntilSent({ ...paced(), batchSize: 3 }, orderIds), workUntilSent({ ...paced(), batchSize: 3 }, orderIds)]);
    expect((await statusEmailsOf(orderIds)).map((r) => r.state)).toEqual(Array(4).fill("sent"));
    const sent = fake.requestTimes.length - since;
    expect(sent).toBeGreaterThanOrEqual(8);
    // Counted on the provider's side: never more than `rate` requests within a second.
    expect(fake.mostRequestsWithin(1000 - 1000 / rate, since)).toBeLessThanOrEqual(rate);
  });

  it("puts a row back unsent, its attempt not counted, when the provider's turns are taken further ahead than half a lease", async () => {
    // One request a second, a 1 s lease: a turn may be taken at most 0.5 s ahead.
    await db.delete(rateLimitCounters);
    const orderIds = await queueEmails(2);
    const before = fake.requestCount;
    const slow = workerOptions({ concurrency: 3, leaseMs: 1_000, email: createResendProvider({ apiKey: "re_test", baseUrl: fake.url, requestsPerSecond: 1 }) });
    const tally = await deliverDueMessages(db, slow);
    expect(tally.deferred).toBeGreaterThan(0);
    // The first email went at once; the next turn, a second later, is past the horizon.
    expect(fake.requestCount - before).toBe(1);
    const waiting = (await outboxRowsOf(orderIds)).filter((r) => r.kind === "email" && r.state === "pending");
    expect(waiting.length).toBe(tally.deferred);
    for (const row of waiting) {
      expect(row.attempts).toBe(0);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    await workUntilSent(slow, orderIds);
    for (const row of await statusEmailsOf(orderIds)) {
      expect(row.state).toBe("sent");
      expect(fake.deliveries.get(row.idempotencyKey)?.requests).toBe(1);
    }
  });

  it("a worker that dies with sends in flight loses its rows to another after the lease; every customer gets one email", async () => {
    const orderIds = await queueEmails(6);
    fake.delayMs = 20;
    // The dying worker's sends reach the provider, which accepts them, but it never hears back: it is gone.
    const reaching = patient();
    const dying: EmailProvider = { name: "resend", sendEmail: (m) => (void reaching.sendEmail(m), new Promise(() => {})) };
    const inFlight: string[] = [];
    fake.onRequest = (key) => inFlight.push(key);
    void deliverDueMessages(db, workerOptions({ email: dying, concurrency: 3, leaseMs: 300 }));
    await expect.poll(() => inFlight.length).toBeGreaterThanOrEqual(2);
    await sleep(350);
    fake.onRequest = undefined;
    try {
      await drain(workerOptions({ concurrency: 3, leaseMs: 300, email: patient() }), orderIds);
    } finally {
      fake.delayMs = 0;
    }
    const emails = (await outboxRowsOf(orderIds)).filter((r) => r.kind === "email");
    expect(emails).toHaveLength(12);
    for (const row of emails) {
      expect(row.state).toBe("sent");
      const delivery = fake.deliveries.get(row.idempotencyKey)!;
      expect(row.providerMessageId).toBe(delivery.id);
      // The sends that were in flight went again with their keys: asked twice, sent once.
      expect(delivery.requests).toBe(inFlight.includes(row.idempotencyKey) ? 2 : 1);
    }
  });
});

