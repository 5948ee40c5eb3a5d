import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox, settings } from "@/db/schema";
import { env } from "@/lib/env";
import { transitionOrder } from "@/lib/orders";
import { FakeResend } from "@/tests/support/fake-resend";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { seededRandom } from "./support/load";
import { spawnScript, type Spawned } from "./support/processes";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";
import { getSettings } from "@/lib/settings";

const ORDERS = 40;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;
/** Resend's rate limit as the workers are told it: all three share it through the database. */
const REQUESTS_PER_SECOND = 20;

/**
 * Each email on its own, and emails in batches (ADR 0156): the first worker is killed on a request
 * well inside its work, with other sends in flight (4 at once).
 */
const MODES = [
  { name: "one email a request", batchSize: 1, killAtRequest: 40 },
  { name: "batches", batchSize: 100, killAtRequest: 6 },
] as const;

let database: ScratchDatabase;
let fake: FakeResend;
const workers: Spawned[] = [];

beforeEach(async () => {
  database = await openScratchDatabase();
  fake = await new FakeResend().start();
  fake.faults = { failRate: 0.3, hangRate: 0.1, random: seededRandom(SEED) };
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(2_000)));
  await fake?.stop();
  await database?.close();
});

function startWorker(batchSize: number): Spawned {
  const worker = spawnScript("scripts/worker.ts", {
    DATABASE_URL: database.url,
    AUTH_SECRET: "reliability-suite-secret-that-is-long-enough",
    RESEND_API_KEY: "re_reliability",
    RESEND_BASE_URL: fake.url,
    // Short enough to finish in seconds; the lease stays longer than one request's timeout.
    PROVIDER_TIMEOUT_MS: "800",
    OUTBOX_LEASE_MS: "5000",
    OUTBOX_BACKOFF_BASE_MS: "100",
    OUTBOX_MAX_ATTEMPTS: "30",
    OUTBOX_BATCH_SIZE: "10",
    OUTBOX_IDLE_MS: "200",
    OUTBOX_CONCURRENCY: "4",
    RESEND_REQUESTS_PER_SECOND: String(REQUESTS_PER_SECOND),
    RESEND_BATCH_SIZE: String(batchSize),
  });
  workers.push(worker);
  return worker;
}

describe.each(MODES)(`outbox faults: 30% failures, 10% hangs, a worker killed mid-batch, $name (seed ${SEED})`, ({ batchSize, killAtRequest }) => {
  it("delivers every email exactly once, keeps the rate limit across the workers, and loses none", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    // This scenario is about delivery under faults: every email the walk queues must go, the
    // second "awaiting" one included, which the shop's duplicate window would rightly skip.
    await getSettings(db);
    await db.update(settings).set({ duplicateWindowHours: 0 });
    // Each order walks new → awaiting → on hold → awaiting: emails, an SMS and an admin-less path.
    for (let i = 0; i < ORDERS; i++) {
      const customer = { name: `Customer ${i}`, email: `customer${i}@example.com`, phone: "+48600100200" };
      const order = await placeOrder(db, wf, { customer });
      for (const to of [wf.status.awaiting, wf.status.on_hold, wf.status.awaiting]) {
        const moved = await transitionOrder(db, { orderId: order.id, to: { id: to.id }, actor: { type: "system", label: "Reliability" } });
        if (!moved.ok) throw new Error(moved.error.message);
      }
    }
    const emails = await db.select().from(outbox).where(eq(outbox.kind, "email"));
    expect(emails.length).toBe(ORDERS * 3);

    // The first worker dies by SIGKILL while it is sending (the fake sees its request).
    let killedWhileSending = false;
    const first = startWorker(batchSize);
    fake.onRequest = () => {
      if (fake.requestCount === killAtRequest && !killedWhileSending) {
        killedWhileSending = first.child.kill("SIGKILL");
      }
    };
    const { signal } = await first.exited;
    expect(signal, first.output()).toBe("SIGKILL");
    expect(killedWhileSending).toBe(true);
    // Its claims are still held: rows in "sending" that only an expired lease can free.
    const orphaned = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.state, "sending"));
    expect(orphaned.length).toBeGreaterThan(0);

    // Two fresh workers side by side take over.
    startWorker(batchSize);
    startWorker(batchSize);
    await expect
      .poll(
        async () => (await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.state, ["pending", "sending"]))).length,
        { timeout: 150_000, interval: 1_000, message: "rows still pending or sending (lost?)" },
      )
      .toBe(0);

    const rows = await db.select().from(outbox).where(inArray(outbox.kind, ["email", "sms"]));
    const states = rows.map((r) => r.state);
    expect(states.filter((s) => s !== "sent"), "every row ends sent, none dead").toEqual([]);

    const emailRows = rows.filter((r) => r.kind === "email");
    // Exactly once: as many emails accepted as the outbox holds, none without a key, and each row
    // records the id of its own one delivery, to its recipient.
    expect(fake.requestsWithoutKey).toEqual([]);
    expect(fake.deliveries.size).toBe(emailRows.length);
    const byId = new Map([...fake.deliveries.values()].map((d) => [d.id, d]));
    expect(new Set(emailRows.map((r) => r.providerMessageId)).size).toBe(emailRows.length);
    for (const row of emailRows) expect(byId.get(row.providerMessageId ?? "")?.to).toEqual([row.recipient]);
    // Counted on the provider's side, over the three workers: never more than the limit within a second.
    expect(fake.mostRequestsWithin(1000 - 1000 / REQUESTS_PER_SECOND)).toBeLessThanOrEqual(REQUESTS_PER_SECOND);

    const retried = [...fake.deliveries.values()].filter((d) => d.requests > 1).length;
    const batchesAgain = [...fake.batches.values()].filter((b) => b.requests > 1).length;
    const attempts = emailRows.reduce((sum, r) => sum + r.attempts, 0);
    console.log(
      `outbox faults (batches of up to ${batchSize}): ${emailRows.length} emails, ${fake.requestCount} requests, ${attempts} attempts, ` +
        `${retried} keys and ${batchesAgain} batches repeated after an accepted send, ${orphaned.length} rows orphaned by the kill, ` +
        `at most ${fake.maxInFlight} requests at once`,
    );
    // At most 4 sends in flight per worker, three workers; one email a request keeps several going.
    expect(fake.maxInFlight).toBeLessThanOrEqual(4 * 3);
    if (batchSize === 1) expect(fake.maxInFlight).toBeGreaterThan(1);
  });
});
