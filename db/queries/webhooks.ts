import "server-only";
import { and, asc, count, eq, inArray, max } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { outbox, webhookAttempts, webhookEndpoints, type OutboxRow, type WebhookAttempt } from "@/db/schema";
import { attemptsByDelivery } from "@/lib/integrations/webhooks/deliveries";
import { pageOfOutbox } from "./outbox";

/** Every endpoint, oldest first, with how many of its deliveries wait or failed for good. */
export async function listWebhookEndpoints({ db }: { db: DbOrTx }) {
  const [endpoints, states, lastAttempts] = await Promise.all([
    db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id)),
    db
      .select({ endpointId: outbox.webhookEndpointId, state: outbox.state, count: count() })
      .from(outbox)
      .where(and(eq(outbox.kind, "webhook"), inArray(outbox.state, ["pending", "dead"])))
      .groupBy(outbox.webhookEndpointId, outbox.state),
    db
      .select({ endpointId: webhookAttempts.endpointId, at: max(webhookAttempts.createdAt) })
      .from(webhookAttempts)
      .groupBy(webhookAttempts.endpointId),
  ]);
  return endpoints.map((endpoint) => ({
    endpoint,
    queued: states.find((s) => s.endpointId === endpoint.id && s.state === "pending")?.count ?? 0,
    failed: states.find((s) => s.endpointId === endpoint.id && s.state === "dead")?.count ?? 0,
    lastAttemptAt: lastAttempts.find((a) => a.endpointId === endpoint.id)?.at ?? null,
  }));
}

export async function getWebhookEndpoint({ db, id }: { db: DbOrTx; id: number }) {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return endpoint;
}

export const DELIVERIES_PAGE_SIZE = 25;

export type WebhookDelivery = Pick<OutboxRow, "id" | "idempotencyKey" | "state" | "attempts" | "lastError" | "createdAt" | "sentAt" | "nextAttemptAt" | "payload"> & {
  orderNumber: string | null;
  attemptLog: WebhookAttempt[];
};

/** An endpoint's deliveries, newest first, each with its attempts (oldest first). */
export async function listWebhookDeliveries({ db, endpointId, page = 1 }: { db: DbOrTx; endpointId: number; page?: number }) {
  const where = and(eq(outbox.kind, "webhook"), eq(outbox.webhookEndpointId, endpointId));
  const { rows, totalCount, pageCount } = await pageOfOutbox({
    db,
    where,
    page,
    pageSize: DELIVERIES_PAGE_SIZE,
    fields: {
      id: outbox.id,
      idempotencyKey: outbox.idempotencyKey,
      state: outbox.state,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
      payload: outbox.payload,
    },
  });
  const attempts = await attemptsByDelivery(db, rows.map((r) => r.id));
  const deliveries: WebhookDelivery[] = rows.map((row) => ({ ...row, attemptLog: attempts.get(row.id) ?? [] }));
  return { deliveries, totalCount, pageCount };
}
