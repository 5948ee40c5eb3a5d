import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { analyticsRollupPending, idempotencyKeys, outbox } from "@/db/schema";
import { createApiKey } from "@/lib/integrations/api-keys";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { mailboxEmailProvider, mailboxSmsProvider } from "./providers/mailbox";
import { startWorkerLoop } from "./worker-loop";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

it("the loop delivers what is queued while it runs, and stops cleanly", async () => {
  const wf = await createRetailWorkflow(handle.db);
  const loop = startWorkerLoop(handle.db, { email: mailboxEmailProvider, sms: mailboxSmsProvider, idleMs: 50 });
  try {
    const order = await createTestOrder(handle.db, wf.type.code);
    await expect
      .poll(async () => (await handle.db.select().from(outbox).where(eq(outbox.orderId, order.id))).map((r) => r.state), {
        timeout: 10_000,
      })
      .toEqual(["sent"]);
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.orderId, order.id));
    expect(row?.providerMessageId).toBe(`mailbox:${row?.idempotencyKey}`);
    expect(row?.renderedBody).toContain("Anna");
  } finally {
    await loop.stop();
  }
});

it("the loop drops stored API answers older than a day and keeps recent ones", async () => {
  const created = await createApiKey(handle.db, { name: "ERP", scope: "write" }, SYSTEM_AUDIT_ACTOR);
  if (!created.ok) throw new Error(created.error.message);
  const keyId = created.value.key.id;
  const stored = (key: string, createdAt: Date) => ({
    apiKeyId: keyId,
    key,
    method: "POST",
    path: "/api/v1/orders",
    requestHash: "h",
    responseStatus: 201,
    responseBody: {},
    createdAt,
    completedAt: createdAt,
  });
  await handle.db
    .insert(idempotencyKeys)
    .values([stored("old", new Date(Date.now() - 25 * 3_600_000)), stored("recent", new Date(Date.now() - 3_600_000))]);
  const loop = startWorkerLoop(handle.db, { email: mailboxEmailProvider, sms: mailboxSmsProvider, idleMs: 50 });
  try {
    await expect
      .poll(async () => (await handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.apiKeyId, keyId))).map((r) => r.key), {
        timeout: 10_000,
      })
      .toEqual(["recent"]);
  } finally {
    await loop.stop();
  }
});

it("the loop folds the status changes' analytics counts into the rollups", async () => {
  const wf = await createRetailWorkflow(handle.db);
  await createTestOrder(handle.db, wf.type.code);
  const waiting = async () => (await handle.db.select().from(analyticsRollupPending)).length;
  expect(await waiting()).toBeGreaterThan(0);
  const loop = startWorkerLoop(handle.db, { email: mailboxEmailProvider, sms: mailboxSmsProvider, idleMs: 50, foldEveryMs: 50 });
  try {
    await expect.poll(waiting, { timeout: 10_000 }).toBe(0);
  } finally {
    await loop.stop();
  }
});
