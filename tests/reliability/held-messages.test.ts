import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db";
import { outbox, settings, type OutboxRow } from "@/db/schema";
import { env } from "@/lib/env";
import { transitionOrder } from "@/lib/orders";
import { undoStatusChange } from "@/lib/orders/undo";
import { getSettings } from "@/lib/settings";
import { FakeResend } from "@/tests/support/fake-resend";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { spawnScript, type Spawned } from "./support/processes";
import { startPrivateCluster, type PrivateCluster } from "./support/private-cluster";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

const ORDERS = 24;
/** Every fourth change is undone inside its hold: its email must stay cancelled through everything. */
const UNDO_EVERY = 4;
/** Long enough for a worker to start, be killed, and the database to crash and come back inside it. */
const HOLD_SECONDS = 12;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;
const person = { type: "user" as const, id: "1", label: "Stan" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: PrivateCluster;
let database: ScratchDatabase;
let fake: FakeResend;
const workers: Spawned[] = [];

beforeAll(async () => {
  cluster = await startPrivateCluster();
  database = await openScratchDatabase({ serverUrl: cluster.url, max: 4 });
  fake = await new FakeResend().start();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(2_000)));
  await fake?.stop();
  await database?.close().catch(() => {});
  await cluster?.destroy();
});

function startWorker(): Spawned {
  const worker = spawnScript("scripts/worker.ts", {
    DATABASE_URL: database.url,
    AUTH_SECRET: "reliability-suite-secret-that-is-long-enough",
    RESEND_API_KEY: "re_reliability",
    RESEND_BASE_URL: fake.url,
    OUTBOX_LEASE_MS: "5000",
    OUTBOX_BACKOFF_BASE_MS: "100",
    OUTBOX_IDLE_MS: "200",
  });
  workers.push(worker);
  return worker;
}

describe(`held messages through a worker kill and a database crash (hold ${HOLD_SECONDS} s, seed ${SEED})`, () => {
  it("sends every kept change's email once, after its hold, and never an undone one's", async () => {
    const { db } = database;
    const wf = await createLoopingWorkflow(db);
    await getSettings(db);
    await db.update(settings).set({ messageHoldSeconds: HOLD_SECONDS });

    // People's changes, each holding one customer email; some undone at once, as a slip would be.
    const kept: number[] = [];
    const undone: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const order = await placeOrder(db, wf, { customer: { name: `Held ${i}`, email: `held-${SEED}-${i}@example.com`, phone: "+48600100200" } });
      const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting.id }, actor: person });
      if (!moved.ok) throw new Error(moved.error.message);
      if (i % UNDO_EVERY === 0) {
        const undo = await undoStatusChange(db, { eventId: moved.value.event.id, actor: person, mayUndoOthers: false });
        if (!undo.ok) throw new Error(undo.error.message);
        undone.push(moved.value.event.id);
      } else {
        kept.push(moved.value.event.id);
      }
    }
    const heldRows = await emailsOf(db, kept);
    expect(heldRows.length, "each kept change held one email").toBe(kept.length);
    expect(heldRows.every((row) => row.state === "pending" && row.nextAttemptAt.getTime() > Date.now())).toBe(true);
    const heldUntil = new Map(heldRows.map((row) => [row.id, row.nextAttemptAt.getTime()]));

    // A worker starts, finds nothing due, and is killed inside the hold.
    const first = startWorker();
    await sleep(1_500);
    expect(fake.requestCount, "nothing may leave while it is held").toBe(0);
    first.child.kill("SIGKILL");

    // The database crashes with the held rows in it, and comes back.
    await cluster.crashAndStart(2_000);
    const second = startWorker();
    // And restarts once more while the new worker is waiting out the hold.
    await sleep(1_000);
    await cluster.restartFast();

    // Checked through a client of its own: the data, not the pool's recovery, is the question.
    const verifier = await openPostgres(database.url, { max: 2 });
    try {
      const stillHeld = await emailsOf(verifier.db, kept);
      expect(
        stillHeld.filter((row) => row.sentAt !== null && row.sentAt.getTime() < heldUntil.get(row.id)!),
        "sent before the hold ended",
      ).toEqual([]);

      await expect
        .poll(async () => (await emailsOf(verifier.db, kept)).filter((row) => row.state !== "sent").length, {
          timeout: (HOLD_SECONDS + 45) * 1_000,
          interval: 500,
          message: "held emails the worker has not sent after the hold",
        })
        .toBe(0);

      const sent = await emailsOf(verifier.db, kept);
      // Whether the worker sent them one by one or in batches (ADR 0156): each kept email is one
      // delivery to its recipient, named on its row, and the provider holds no other.
      const delivered = new Map([...fake.deliveries.values()].map((d) => [d.id, d]));
      for (const row of sent) {
        expect(row.sentAt!.getTime(), `email ${row.id} left before its hold ended`).toBeGreaterThanOrEqual(heldUntil.get(row.id)!);
        expect(delivered.get(row.providerMessageId ?? "")?.to, `email ${row.id} was sent`).toEqual([row.recipient]);
      }
      expect(new Set(sent.map((row) => row.providerMessageId)).size, "each kept email was sent once").toBe(sent.length);

      const cancelled = await emailsOf(verifier.db, undone);
      expect(cancelled.length).toBe(undone.length);
      expect(cancelled.map((row) => row.state), "an undone change's email stays cancelled").toEqual(cancelled.map(() => "cancelled"));
      expect(cancelled.filter((row) => row.providerMessageId !== null), "an undone change's email never left").toEqual([]);
      expect(fake.deliveries.size, "nothing but the kept emails left").toBe(kept.length);

      expect(second.child.exitCode, second.output()).toBeNull();
      console.log(`held messages: ${sent.length} sent after the hold, ${cancelled.length} undone and never sent, through a kill and two restarts`);
    } finally {
      await verifier.close();
    }
  });
});

async function emailsOf(db: ScratchDatabase["db"], eventIds: number[]): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, "email"), inArray(outbox.eventId, eventIds.concat(-1))))
    .orderBy(outbox.id);
}
