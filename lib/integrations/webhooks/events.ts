import type { OrderEventType, WebhookEventType } from "@/db/schema";

/** The events an endpoint can subscribe to (the schema's enum; a test keeps the two equal). */
export const WEBHOOK_EVENT_TYPES = [
  "order.created",
  "order.status_changed",
  "order.payment_recorded",
  "order.tracking_updated",
  "order.updated",
  "order.parcel_event",
  "order.refund_recorded",
] as const satisfies readonly WebhookEventType[];

/** What each event type means, for the admin's checkboxes and the README. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "order.created": "Order created",
  "order.status_changed": "Status changed",
  "order.payment_recorded": "Payment recorded",
  "order.tracking_updated": "Tracking number or courier changed",
  "order.updated": "Order edited (customer, address, items or total)",
  "order.parcel_event": "Parcel event reported by the carrier (in transit, delivered, returned…)",
  "order.refund_recorded": "Refund recorded on a return or complaint",
};

const BY_ORDER_EVENT: Partial<Record<OrderEventType, WebhookEventType>> = {
  created: "order.created",
  status_changed: "order.status_changed",
  payment_recorded: "order.payment_recorded",
  tracking_updated: "order.tracking_updated",
  order_edited: "order.updated",
  parcel_event: "order.parcel_event",
  refund_recorded: "order.refund_recorded",
};

/**
 * The order events a webhook announces. Each of them, and no other, bumps the order's version
 * (creation writes 1), so the version after one of them is its place in the order's sequence
 * (`data.sequence`; sequence.db.test.ts holds the two together).
 */
export const SEQUENCED_ORDER_EVENT_TYPES = Object.keys(BY_ORDER_EVENT) as OrderEventType[];

/** The webhook an order event announces; comments and failure records announce none. */
export function webhookEventTypeOf(type: OrderEventType): WebhookEventType | undefined {
  return BY_ORDER_EVENT[type];
}

/** The type of the "send test event" delivery: not an order event, so receivers can ignore it. */
export const TEST_EVENT_TYPE = "webhook.test";
