import { and, arrayContains, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { outbox, webhookEndpoints, type OrderEvent, type WebhookEventType } from "@/db/schema";
import type { OrderEventContext, OrderReaction } from "@/lib/orders/reactions";
import { webhookEventTypeOf } from "./events";
import { buildWebhookPayload } from "./payload";
import { webhookIdFor } from "./webhook-id";

export type SubscribedEndpoint = { id: number; url: string };

/** Which rows of `webhook_endpoints` get deliveries of `type`: the enabled endpoints subscribed to it. */
export function subscribedTo(type: WebhookEventType): SQL {
  return and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [type]))!;
}

/** The enabled endpoints subscribed to the event's type (none for events webhooks don't carry). */
export async function endpointsSubscribedTo(tx: Tx, event: OrderEvent): Promise<SubscribedEndpoint[]> {
  const type = webhookEventTypeOf(event.type);
  if (!type) return [];
  return tx.select({ id: webhookEndpoints.id, url: webhookEndpoints.url }).from(webhookEndpoints).where(subscribedTo(type));
}

/**
 * Queues the event's deliveries to the given endpoints in the outbox, inside the change's
 * transaction: a rolled-back change queues nothing. The row's idempotency key is the
 * `webhook-id` header, the same on every retry and resend, so receivers can deduplicate by it.
 */
export async function queueWebhooks(tx: Tx, context: OrderEventContext, endpoints: SubscribedEndpoint[]): Promise<number> {
  const type = webhookEventTypeOf(context.event.type);
  if (!type || endpoints.length === 0) return 0;
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

/** One row per enabled endpoint subscribed to the event type. */
export async function enqueueWebhooksForEvent(tx: Tx, context: OrderEventContext): Promise<number> {
  return queueWebhooks(tx, context, await endpointsSubscribedTo(tx, context.event));
}

/** Webhooks as a reaction to order events (wired in lib/order-reactions.ts): queued, never a status change. */
export const webhookReaction: OrderReaction = {
  name: "webhooks",
  listens(type) {
    const webhook = webhookEventTypeOf(type);
    return webhook ? sql<boolean>`exists (select 1 from ${webhookEndpoints} where ${subscribedTo(webhook)})` : sql<boolean>`false`;
  },
  async prepare(tx, event) {
    const endpoints = await endpointsSubscribedTo(tx, event);
    return async function* queue(context) {
      await queueWebhooks(tx, context, endpoints);
    };
  },
};
