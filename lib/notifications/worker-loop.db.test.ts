import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { outbox } from "@/db/schema";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { mailboxEmailProvider, mailboxSmsProvider } from "./providers/mailbox";
import { startWorkerLoop } from "./worker-loop";

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
