import { courierTrackingLink } from "@/lib/courier-link";
import type { GroupKind } from "@/lib/workflow";
import type { Locale } from "@/lib/i18n";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import { parcelEventDataOf } from "@/lib/parcels/event-data";
import type { ParcelEventKind } from "@/db/schema";

/** A status as the customer may see it: its label in their language, or null when hidden. */
export type CustomerStatus = { label: string | null; groupKind: GroupKind; awaitsPayment: boolean };

export type TrackingEventInput = {
  at: Date;
  type: string;
  to: CustomerStatus | null;
  comment: string | null;
  customerVisible: boolean;
  /** A parcel event's history data (lib/parcels): only its event, carrier and time reach the page. */
  data?: unknown;
};

/** What the customer sees of a carrier's report: the neutral event and who reported it. */
export type TrackingParcel = { event: ParcelEventKind; carrier: string };

export type TrackingInput = {
  locale: Locale;
  order: {
    number: string;
    createdAt: Date;
    customerName: string;
    currency: string;
    total: number;
    paidAmount: number;
    paid: boolean;
    paymentMethod: string;
    courier: string | null;
    trackingNumber: string | null;
    /** The first items (at most ITEMS_SHOWN are shown) ... */
    items: { name: string; quantity: number; unitPrice: number }[];
    /** ... of this many in the order. */
    itemCount: number;
  };
  current: CustomerStatus;
  /** The label of the newest status the customer may see, when the events given may not hold it. */
  lastSeenLabel?: string | null;
  /** One page of the order's events, oldest first. */
  events: TrackingEventInput[];
  /** Which page of the timeline `events` is (default: the only one). */
  timelinePage?: { page: number; pageCount: number };
  shop: { bankAccount: string | null; courierTrackingLinks: Record<string, string> };
};

export type TrackingView = {
  number: string;
  placedAt: Date;
  firstName: string;
  statusLabel: string | null;
  stage: GroupKind;
  /** Newest first; `parcel` on a carrier's report. */
  timeline: { at: Date; label: string | null; comment: string | null; parcel?: TrackingParcel }[];
  timelinePage: { page: number; pageCount: number };
  shipment: { courier: string | null; trackingNumber: string; link: string | null } | null;
  items: { name: string; quantity: number; amount: number }[];
  /** Items the order holds beyond those listed ("and N more"). */
  moreItems: number;
  currency: string;
  total: number;
  payment: { paid: boolean; amountDue: number; bankAccount: string | null; transferTitle: string } | null;
};

/**
 * What the public tracking page may show, and nothing more: the first name only (no email,
 * phone or address), statuses with a customer label only, comments only when made public.
 */
export function buildTrackingView(input: TrackingInput): TrackingView {
  const { order, current } = input;
  // A status entry shows when its status has a label or it carries a public comment; a note (a
  // `comment` event) only when it was written for the customer; a carrier's report always, as its
  // neutral event and the carrier, at the time the carrier gave (not the tracking number or the
  // carrier's own word for it).
  const timeline = input.events
    .flatMap((e): TrackingView["timeline"] => {
      if (e.type === "parcel_event") {
        const parcel = parcelEventDataOf(e.data);
        return parcel ? [{ at: new Date(parcel.occurredAt), label: null, comment: null, parcel: { event: parcel.event, carrier: parcel.carrier } }] : [];
      }
      const shown =
        e.type === "comment" ? Boolean(e.customerVisible && e.comment) : (e.type === "created" || e.type === "status_changed") && (e.to?.label || (e.customerVisible && e.comment));
      return shown ? [{ at: e.at, label: e.to?.label ?? null, comment: e.customerVisible ? e.comment : null }] : [];
    })
    .reverse();
  // A hidden current status shows as the last status the customer was allowed to see.
  const statusLabel = current.label ?? input.lastSeenLabel ?? timeline.find((t) => t.label)?.label ?? null;
  const items = order.items.slice(0, ITEMS_SHOWN);
  const amountDue = Math.max(order.total - order.paidAmount, 0);
  const waitingForTransfer = !order.paid && current.awaitsPayment && order.paymentMethod === "transfer";

  return {
    number: order.number,
    placedAt: order.createdAt,
    firstName: order.customerName.trim().split(/\s+/)[0] ?? "",
    statusLabel,
    stage: current.groupKind,
    timeline,
    timelinePage: input.timelinePage ?? { page: 1, pageCount: 1 },
    shipment: order.trackingNumber
      ? {
          courier: order.courier,
          trackingNumber: order.trackingNumber,
          link: courierTrackingLink(input.shop.courierTrackingLinks, order.courier, order.trackingNumber),
        }
      : null,
    items: items.map((i) => ({ name: i.name, quantity: i.quantity, amount: i.quantity * i.unitPrice })),
    moreItems: Math.max(order.itemCount - items.length, 0),
    currency: order.currency,
    total: order.total,
    payment: waitingForTransfer
      ? { paid: false, amountDue, bankAccount: input.shop.bankAccount, transferTitle: order.number }
      : order.paid
        ? { paid: true, amountDue: 0, bankAccount: null, transferTitle: order.number }
        : null,
  };
}
