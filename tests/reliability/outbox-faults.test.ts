import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
/** The request on which the first worker is killed: well inside its work, mid-batch. */
const KILL_AT_REQUEST = 40;

let database: ScratchDatabase;
let fake: FakeResend;
const workers: Spawned[] = [];

beforeAll(async () => {
  database = await openScratchDatabase();
  fake = await new FakeResend().start();
  fake.faults = { failRate: 0.3, hangRate: 0.1, random: seededRandom(SEED) };
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(2_000)));
  await fake?.stop();
  await database?.close();
});

function startWorker(): Spawned {
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
  });
  workers.push(worker);
  return worker;
}

describe(`outbox faults: 30% failures, 10% hangs, a worker killed mid-batch (seed ${SEED})`, () => {
  it("delivers every email exactly once per idempotency key, and loses none", async () => {
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
    const first = startWorker();
    fake.onRequest = () => {
      if (fake.requestCount === KILL_AT_REQUEST && !killedWhileSending) {
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
    startWorker();
    startWorker();
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
    // Exactly once: one accepted email per key, no key the outbox does not know, none without a key,
    // and each row records the id of that one delivery.
    expect(fake.requestsWithoutKey).toEqual([]);
    expect([...fake.deliveries.keys()].sort()).toEqual(emailRows.map((r) => r.idempotencyKey).sort());
    for (const row of emailRows) {
      const delivery = fake.deliveries.get(row.idempotencyKey)!;
      expect(delivery.to).toEqual([row.recipient]);
      expect(row.providerMessageId).toBe(delivery.id);
    }
    const retried = [...fake.deliveries.values()].filter((d) => d.requests > 1).length;
    const attempts = emailRows.reduce((sum, r) => sum + r.attempts, 0);
    console.log(
      `outbox faults: ${emailRows.length} emails, ${fake.requestCount} requests, ${attempts} attempts, ` +
        `${retried} keys repeated after an accepted send, ${orphaned.length} rows orphaned by the kill`,
    );
    expect(fake.requestCount).toBeGreaterThan(emailRows.length);
  });
});
