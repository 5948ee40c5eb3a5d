import { randomUUID } from "node:crypto";

/**
 * The `webhook-id` of a delivery, also its outbox idempotency key: one per endpoint and event,
 * so it never changes across retries and resends. A test delivery gets a fresh one each time.
 */
export function webhookIdFor(endpointId: number, source: { eventId: number } | "test"): string {
  return source === "test" ? `msg_${endpointId}_test_${randomUUID()}` : `msg_${endpointId}_${source.eventId}`;
}
