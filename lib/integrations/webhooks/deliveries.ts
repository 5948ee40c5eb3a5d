import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { outbox, webhookAttempts, webhookEndpoints, type WebhookAttempt } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { TEST_EVENT_TYPE } from "./events";
import { webhookIdFor } from "./webhook-id";

/**
 * Sends a delivery again (the resend button): the row goes back in the queue with the same
 * payload and the same `webhook-id`, so a receiver that already processed it can tell.
 * A delivery still queued or being sent is left alone.
 */
export async function resendWebhookDelivery(db: DbOrTx, input: { endpointId: number; outboxId: number }): Promise<Result<{ id: number }>> {
  const [row] = await db
    .update(outbox)
    .set({ state: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lastError: null, sentAt: null })
    .where(
      and(
        eq(outbox.id, input.outboxId),
        eq(outbox.webhookEndpointId, input.endpointId),
        eq(outbox.kind, "webhook"),
        inArray(outbox.state, ["sent", "dead"]),
      ),
    )
    .returning({ id: outbox.id });
  if (row) return { ok: true, value: row };
  return refuse("not_found", "This delivery is already queued, or it no longer exists.");
}

/** Queues a `webhook.test` delivery, so an admin can check the receiver and its signature check. */
export async function sendTestWebhook(db: DbOrTx, endpointId: number): Promise<Result<{ id: number }>> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) return refuse("not_found", `Webhook endpoint ${endpointId} does not exist (it may have been deleted).`);
  const [row] = await db
    .insert(outbox)
    .values({
      kind: "webhook",
      webhookEndpointId: endpoint.id,
      recipient: endpoint.url,
      payload: {
        type: TEST_EVENT_TYPE,
        timestamp: new Date().toISOString(),
        data: { endpointId: endpoint.id, message: "A test event from Orderly. If you can read this, your receiver works." },
      },
      idempotencyKey: webhookIdFor(endpoint.id, "test"),
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("test delivery was not written");
  return { ok: true, value: row };
}

/** The attempts of these deliveries (outbox ids), oldest first, grouped by delivery: one query for a page of them. */
export async function attemptsByDelivery(db: DbOrTx, outboxIds: number[]): Promise<Map<number, WebhookAttempt[]>> {
  const byDelivery = new Map<number, WebhookAttempt[]>(outboxIds.map((id) => [id, []]));
  if (outboxIds.length === 0) return byDelivery;
  const rows = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.outboxId, outboxIds)).orderBy(asc(webhookAttempts.id));
  for (const attempt of rows) byDelivery.get(attempt.outboxId)?.push(attempt);
  return byDelivery;
}
