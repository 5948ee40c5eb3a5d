import { and, count, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { outbox } from "@/db/schema";
import { createWebhookEndpoint, sendTestWebhook, setWebhookEndpointEnabled } from "@/lib/integrations/webhooks";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { getOutboxBacklog } from "./outbox";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

async function endpointWithTestDelivery(url: string) {
  const created = await createWebhookEndpoint(db, { url, eventTypes: ["order.created"] }, SYSTEM_AUDIT_ACTOR);
  if (!created.ok) throw new Error(created.error.message);
  const queued = await sendTestWebhook(db, created.value.id);
  if (!queued.ok) throw new Error(queued.error.message);
  return { endpointId: created.value.id, outboxId: queued.value.id };
}

describe("the outbox backlog reported by /api/health", () => {
  it("counts deliveries held for a disabled webhook endpoint apart from the pending backlog", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code);
    const moved = await transitionOrder(db, { orderId: order.id, to: { id: wf.status.awaiting_payment.id }, actor: { type: "system", label: "test" } });
    if (!moved.ok) throw new Error(moved.error.message);
    const [messages] = await db.select({ count: count() }).from(outbox).where(and(eq(outbox.state, "pending"), ne(outbox.kind, "webhook")));
    const queuedMessages = messages!.count;
    expect(queuedMessages).toBeGreaterThan(0);

    await endpointWithTestDelivery("https://erp.example.com/hooks");
    const held = await endpointWithTestDelivery("https://old-erp.example.com/hooks");
    // The held delivery is the oldest row, so `oldestPendingAt` shows whether it is counted.
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await db.update(outbox).set({ createdAt: longAgo }).where(eq(outbox.id, held.outboxId));
    expect(await getOutboxBacklog({ db })).toEqual({ pending: queuedMessages + 2, oldestPendingAt: longAgo, pausedForDisabledEndpoints: 0, dead: 0 });

    await setWebhookEndpointEnabled(db, held.endpointId, false, SYSTEM_AUDIT_ACTOR);
    const whileDisabled = await getOutboxBacklog({ db });
    expect(whileDisabled).toMatchObject({ pending: queuedMessages + 1, pausedForDisabledEndpoints: 1, dead: 0 });
    expect(whileDisabled.oldestPendingAt!.getTime()).toBeGreaterThan(longAgo.getTime());

    // A dead delivery of the disabled endpoint is dead, not held.
    await db.update(outbox).set({ state: "dead" }).where(eq(outbox.id, held.outboxId));
    expect(await getOutboxBacklog({ db })).toMatchObject({ pending: queuedMessages + 1, pausedForDisabledEndpoints: 0, dead: 1 });

    // Enabled again, its queued delivery is backlog like any other.
    await db.update(outbox).set({ state: "pending", nextAttemptAt: sql`now()` }).where(eq(outbox.id, held.outboxId));
    await setWebhookEndpointEnabled(db, held.endpointId, true, SYSTEM_AUDIT_ACTOR);
    expect(await getOutboxBacklog({ db })).toEqual({ pending: queuedMessages + 2, oldestPendingAt: longAgo, pausedForDisabledEndpoints: 0, dead: 0 });
    // The mailbox counts its own kinds only: emails and SMS, not the webhook deliveries.
    expect(await getOutboxBacklog({ db, kinds: ["email", "sms"] })).toMatchObject({ pending: queuedMessages, dead: 0 });
  });
});
