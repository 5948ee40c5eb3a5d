import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses, type Order, type OrderEvent, type Status, type WebhookEventType } from "@/db/schema";
import { courierTrackingLink } from "@/lib/courier-link";
import { trackingUrlFor } from "@/lib/notifications/variables";
import { getSettings } from "@/lib/settings";

type StatusSnapshot = { code: string; name: string; externalCodes: Record<string, string> };

/** The body of a delivery, per the Standard Webhooks payload structure. */
export type WebhookPayload = {
  type: WebhookEventType;
  /** When the change happened (ISO 8601), not when the delivery was attempted. */
  timestamp: string;
  data: {
    eventId: number;
    /**
     * The order's version after this event: 1 for `order.created`, one more for every later event
     * a webhook announces (each of them bumps the version), so it rises strictly per order.
     * Deliveries can arrive out of order (retries, parallel workers): a receiver keeps the highest
     * sequence it has applied per order and ignores a delivery with a lower or equal one.
     */
    sequence: number;
    actor: { type: string; label: string };
    order: {
      number: string;
      orderType: string;
      version: number;
      channel: string;
      currency: string;
      /** Amounts are integers in minor units (grosze, cents). */
      total: number;
      paidAmount: number;
      paidAt: string | null;
      paymentMethod: string;
      shippingMethod: string | null;
      courier: string | null;
      trackingNumber: string | null;
      /** The courier's own tracking page, when the shop configured a link for the courier. */
      courierTrackingUrl: string | null;
      /** The customer's tracking page in Orderly. */
      trackingUrl: string;
      createdAt: string;
    };
    status: StatusSnapshot;
    previousStatus: StatusSnapshot | null;
    /** What the event itself says: the comment, the payment, the tracking values before and after, an edit's changed fields. */
    details: Record<string, unknown>;
  };
};

function snapshotOf(status: Status): StatusSnapshot {
  return { code: status.code, name: status.name, externalCodes: status.externalCodes };
}

function detailsOf(event: OrderEvent): Record<string, unknown> {
  if (event.type === "status_changed") return event.comment ? { comment: event.comment, customerVisible: event.customerVisible } : {};
  // An edit's before and after hold the customer's name, email, phone and address: name the fields only.
  // (Sorted: the stored keys come back in jsonb's order, not the order they were written in.)
  if (event.type === "order_edited") return { changed: Object.keys((event.data as { changes?: object }).changes ?? {}).sort() };
  return event.data;
}

/**
 * The snapshot a delivery carries, read inside the change's transaction: the order, its status
 * and marketplace codes as they were at this event, however often the delivery is retried.
 * Personal data (customer name, email, address) stays out; receivers fetch it over the API.
 */
export async function buildWebhookPayload(
  tx: DbOrTx,
  input: { type: WebhookEventType; order: Order; event: OrderEvent },
): Promise<WebhookPayload> {
  const { order, event } = input;
  // A status change names its target; other events describe the order's current status.
  const statusId = event.toStatusId ?? order.statusId;
  const ids = [statusId, ...(event.fromStatusId ? [event.fromStatusId] : [])];
  const [rows, [type], settings] = await Promise.all([
    tx.select().from(statuses).where(inArray(statuses.id, ids)),
    tx.select({ code: orderTypes.code }).from(orderTypes).where(eq(orderTypes.id, order.orderTypeId)),
    getSettings(tx),
  ]);
  const byId = new Map(rows.map((s) => [s.id, s]));
  const status = byId.get(statusId);
  if (!status || !type) throw new Error(`order ${order.number}: its status or order type is missing`);
  const previous = event.fromStatusId ? byId.get(event.fromStatusId) : undefined;

  return {
    type: input.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      eventId: event.id,
      // Every event a webhook announces is written with the version bump in the same transaction
      // (lib/orders: creation starts at 1; status changes, payments and tracking add one), under
      // the order's row lock, so this is strictly increasing per order.
      sequence: order.version,
      actor: { type: event.actorType, label: event.actorLabel },
      order: {
        number: order.number,
        orderType: type.code,
        version: order.version,
        channel: order.channel,
        currency: order.currency,
        total: order.total,
        paidAmount: order.paidAmount,
        paidAt: order.paidAt?.toISOString() ?? null,
        paymentMethod: order.paymentMethod,
        shippingMethod: order.shippingMethod,
        courier: order.courier,
        trackingNumber: order.trackingNumber,
        courierTrackingUrl: courierTrackingLink(settings.courierTrackingLinks, order.courier, order.trackingNumber),
        trackingUrl: trackingUrlFor(order, settings.appUrl),
        createdAt: order.createdAt.toISOString(),
      },
      status: snapshotOf(status),
      previousStatus: previous ? snapshotOf(previous) : null,
      details: detailsOf(event),
    },
  };
}
