import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox, type OutboxRow } from "@/db/schema";
import { FakeResend } from "@/tests/support/fake-resend";
import { openTestDb } from "@/tests/support/test-db";
import { isBatchKey } from "./email-batches";
import { mailboxSmsProvider } from "./providers/mailbox";
import { createResendProvider } from "./providers/resend";
import type { EmailProvider } from "./providers/types";
import { deliverDueMessages, retryDeadMessage, type WorkerOptions } from "./worker";

let handle: DbHandle;
let db: Db;
let fake: FakeResend;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  fake = await new FakeResend().start();
});
afterAll(async () => {
  await fake?.stop();
  await handle?.close();
});
beforeEach(async () => {
  // Each test starts from an empty queue, so a pass claims only its own rows.
  await db.delete(outbox);
  fake.script = [];
  fake.fallback = "ok";
  fake.deliveries.clear();
  fake.batches.clear();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function batching(extra: Partial<WorkerOptions> = {}, batchSize = 3): WorkerOptions {
  return {
    // Short, so a hang is given up quickly; long enough that a busy machine's slow answer is not one.
    email: createResendProvider({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 1_000, batchSize }),
    sms: mailboxSmsProvider,
    backoffBaseMs: 1,
    maxAttempts: 6,
    batchSize: 50,
    ...extra,
  };
}

let queued = 0;
/** `count` emails of the built-in template, queued as a status change would, without an order. */
async function queueEmails(count: number): Promise<OutboxRow[]> {
  const rows = Array.from({ length: count }, () => {
    const n = ++queued;
    return {
      kind: "email" as const,
      recipient: `customer${n}@example.com`,
      idempotencyKey: `batch-test:${n}`,
      payload: { locale: "pl", variables: { orderNumber: `ORD-${n}`, customerFirstName: `Klient ${n}` } },
    };
  });
  return db.insert(outbox).values(rows).returning();
}

async function current(rows: OutboxRow[]) {
  return (await db.select().from(outbox).where(inArray(outbox.id, rows.map((r) => r.id)))).sort((a, b) => a.id - b.id);
}

/** Passes until every row is sent or dead, each row when it is due. */
async function workUntilDone(options: WorkerOptions, rows: OutboxRow[]) {
  for (let pass = 0; pass < 300; pass++) {
    if ((await current(rows)).every((r) => r.state === "sent" || r.state === "dead")) return;
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(inArray(outbox.id, rows.map((r) => r.id)));
    if ((await deliverDueMessages(db, options)).claimed === 0) await sleep(20);
  }
  throw new Error("outbox did not drain");
}

/** Exactly once: one delivery to each row's recipient, and the row names that delivery's id. */
async function expectEachSentOnce(rows: OutboxRow[]) {
  for (const row of await current(rows)) {
    expect(row.state).toBe("sent");
    const received = fake.deliveriesTo(row.recipient);
    expect(received, row.recipient).toHaveLength(1);
    expect(row.providerMessageId).toBe(received[0]!.id);
  }
}

describe("emails in batches", () => {
  it("sends up to batchSize emails a request under the batch's key, and records each email's own id", async () => {
    const rows = await queueEmails(7);
    const before = fake.requestCount;
    const tally = await deliverDueMessages(db, batching());
    expect(tally).toMatchObject({ claimed: 7, sent: 7 });
    await expectEachSentOnce(rows);
    // 3 + 3 in two batches; the one left over goes alone, under its own key.
    expect(fake.requestCount - before).toBe(3);
    expect(fake.batches.size).toBe(2);
    expect(fake.deliveries.get(rows[6]!.idempotencyKey)?.to).toEqual([rows[6]!.recipient]);
    expect(fake.requestsWithoutKey).toEqual([]);
  });

  it("a batch accepted while its answer was lost, and one that failed, go again whole under their keys: every email once", async () => {
    const rows = await queueEmails(6);
    fake.script = ["accept_then_hang", "500"];
    const first = await deliverDueMessages(db, batching());
    expect(first.retry).toBe(6);
    // Each row carries its batch's key while it waits for the next attempt.
    const waiting = await current(rows);
    expect(waiting.every((r) => r.state === "pending" && isBatchKey(r.providerMessageId))).toBe(true);
    expect(new Set(waiting.map((r) => r.providerMessageId)).size).toBe(2);

    await workUntilDone(batching(), rows);
    await expectEachSentOnce(rows);
    expect([...fake.batches.values()].map((b) => b.requests).sort()).toEqual([1, 2]);
  });

  it("a batch goes again in the very order it first went, whatever order its rows fall due in", async () => {
    const rows = await queueEmails(3);
    // Due in the reverse of their order in the table.
    for (const [i, row] of rows.entries()) {
      await db.update(outbox).set({ nextAttemptAt: sql`now() - make_interval(secs => ${i + 1})` }).where(inArray(outbox.id, [row.id]));
    }
    fake.script = ["accept_then_hang"];
    expect((await deliverDueMessages(db, batching())).retry).toBe(3);
    await workUntilDone(batching(), rows);
    // The same request under the same key: answered with the first ids, not refused as another request (409).
    await expectEachSentOnce(rows);
    expect([...fake.batches.values()].map((b) => b.requests)).toEqual([2]);
  });

  it("a worker that dies with its batch accepted loses it to another, which gathers the whole batch from one claimed row and sends it again", async () => {
    const rows = await queueEmails(3);
    // The dying worker's batch reaches the provider, which sends it, but the worker never hears back.
    const reaching = createResendProvider({ apiKey: "re_test", baseUrl: fake.url, batchSize: 3 });
    const dying: EmailProvider = { ...reaching, sendBatch: (m, key) => (void reaching.sendBatch!(m, key), new Promise(() => {})) };
    const requests = fake.requestCount;
    void deliverDueMessages(db, batching({ email: dying, leaseMs: 300 }));
    await expect.poll(() => fake.requestCount - requests).toBe(1);
    await sleep(350);

    // The next worker claims one row at a time: the batch's other members come with it.
    const next = await deliverDueMessages(db, batching({ batchSize: 1, leaseMs: 300 }));
    expect(next.sent).toBe(3);
    await expectEachSentOnce(rows);
    expect([...fake.batches.values()].map((b) => b.requests)).toEqual([2]);
  });

  it("a batch refused whole sends each email alone under its own key", async () => {
    const rows = await queueEmails(3);
    fake.script = ["422"];
    const tally = await deliverDueMessages(db, batching());
    expect(tally.sent).toBe(3);
    await expectEachSentOnce(rows);
    expect(fake.batches.size).toBe(0);
    for (const row of rows) expect(fake.deliveries.get(row.idempotencyKey)?.to).toEqual([row.recipient]);
  });

  it("retrying a dead email that went in a batch brings the batch back, and it goes whole", async () => {
    const rows = await queueEmails(3);
    fake.fallback = "500";
    await workUntilDone(batching({ maxAttempts: 2 }), rows);
    expect((await current(rows)).map((r) => r.state)).toEqual(["dead", "dead", "dead"]);
    fake.fallback = "ok";

    expect(await retryDeadMessage(db, rows[1]!.id)).toBe(true);
    expect((await current(rows)).map((r) => r.state)).toEqual(["pending", "pending", "pending"]);
    await workUntilDone(batching(), rows);
    await expectEachSentOnce(rows);
    expect(fake.batches.size).toBe(1);
  });
});
