import { and, arrayContains, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { outbox, webhookEndpoints } from "@/db/schema";
import type { OrderEventContext } from "@/lib/orders/after-event";
import { webhookEventTypeOf } from "./events";
import { buildWebhookPayload } from "./payload";
import { webhookIdFor } from "./webhook-id";

/**
 * Queues the event's deliveries in the outbox, inside the change's transaction: one row per
 * enabled endpoint subscribed to the event type. A rolled-back change queues nothing. The row's
 * idempotency key is the `webhook-id` header, the same on every retry and resend, so receivers
 * can deduplicate by it.
 */
export async function enqueueWebhooksForEvent(tx: Tx, context: OrderEventContext): Promise<number> {
  const type = webhookEventTypeOf(context.event.type);
  if (!type) return 0;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [type])));
  if (endpoints.length === 0) return 0;

  const payload = await buildWebhookPayload(tx, { type, order: context.order, event: context.event });
  await tx.insert(outbox).values(
    endpoints.map((endpoint) => ({
      kind: "webhook" as const,
      orderId: context.order.id,
      eventId: context.event.id,
      webhookEndpointId: endpoint.id,
      // The address at the time, for the log; delivery goes to the endpoint's current address.
      recipient: endpoint.url,
      payload,
      idempotencyKey: webhookIdFor(endpoint.id, { eventId: context.event.id }),
    })),
  );
  return endpoints.length;
}
