import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { DbOrTx } from "@/db";
import { webhookEndpoints, type OutboxRow } from "@/db/schema";
import { env } from "@/lib/env";
import type { SendOutcome } from "@/lib/notifications/providers/types";
import { parseRetryAfter } from "@/lib/notifications/providers/types";
import { describeFailure, recordWebhookAttempt, type HealthRule } from "./endpoint-health";
import { postWebhook } from "./http-post";
import { healthRuleFor } from "./retry-schedule";

export type WebhookDeliveryOptions = Partial<HealthRule> & {
  /** How long a receiver has to answer before the attempt counts as failed. */
  timeoutMs?: number;
  /** Let endpoints on loopback and private networks receive (default: WEBHOOK_ALLOW_PRIVATE_URLS). */
  allowPrivateNetworks?: boolean;
  /** The waits between a delivery's attempts (default WEBHOOK_RETRY_SCHEDULE_MS; tests shorten it). */
  retrySchedule?: readonly number[];
};

const DEFAULT_TIMEOUT_MS = 10_000;

export function allowPrivateWebhookUrls(options: { allowPrivateNetworks?: boolean } = {}): boolean {
  return options.allowPrivateNetworks ?? env().WEBHOOK_ALLOW_PRIVATE_URLS === "true";
}

/**
 * Delivers one claimed outbox row of kind `webhook`: signs the stored payload per Standard
 * Webhooks with the endpoint's current secret and a fresh timestamp, POSTs it to the endpoint's
 * current address and logs the attempt. The worker records the row's outcome from the answer:
 * 2xx sent; 410 dead at once (the endpoint is switched off); anything else retried on the webhook schedule (retry-schedule.ts).
 */
export async function sendWebhookRow(db: DbOrTx, row: OutboxRow, options: WebhookDeliveryOptions = {}): Promise<SendOutcome> {
  const endpointId = row.webhookEndpointId;
  const [endpoint] = endpointId ? await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)) : [];
  if (!endpoint) return { ok: false, retryable: false, error: "The endpoint no longer exists." };
  // Switched off after the row was claimed: it waits for the endpoint to be enabled again.
  if (!endpoint.enabled) return { ok: false, retryable: true, error: "The endpoint is disabled." };

  const webhookId = row.idempotencyKey;
  const body = JSON.stringify(row.payload);
  // A fresh timestamp per attempt: receivers refuse signatures older than a few minutes.
  const now = new Date();
  const signature = new Webhook(endpoint.secret).sign(webhookId, now, body);
  const post = await postWebhook(
    new URL(endpoint.url),
    body,
    {
      "user-agent": "Orderly-Webhooks/1",
      "webhook-id": webhookId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, allowPrivateNetworks: allowPrivateWebhookUrls(options) },
  );
  const verdict = await recordWebhookAttempt(db, {
    outboxId: row.id,
    endpointId: endpoint.id,
    post,
    rule: { ...healthRuleFor(options.retrySchedule), ...definedOnly(options) },
  });

  if (verdict === "delivered") return { ok: true, providerMessageId: webhookId };
  if (verdict === "gone") return { ok: false, retryable: false, error: "HTTP 410: the receiver asked to stop; the endpoint was disabled." };
  return {
    ok: false,
    // A private address stays private: retrying cannot help.
    retryable: post.refused === undefined,
    error: describeFailure(post),
    // Honoured up to a cap by the retry schedule.
    retryAfterMs: parseRetryAfter(post.retryAfter),
  };
}

function definedOnly(options: WebhookDeliveryOptions): Partial<HealthRule> {
  const rule: Partial<HealthRule> = {};
  if (options.disableAfterFailures !== undefined) rule.disableAfterFailures = options.disableAfterFailures;
  if (options.disableAfterMs !== undefined) rule.disableAfterMs = options.disableAfterMs;
  return rule;
}
