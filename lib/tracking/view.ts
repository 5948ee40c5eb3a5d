import type { GroupKind } from "@/lib/workflow";
import type { Locale } from "@/lib/i18n";

/** A status as the customer may see it: its label in their language, or null when hidden. */
export type CustomerStatus = { label: string | null; groupKind: GroupKind; awaitsPayment: boolean };

export type TrackingEventInput = {
  at: Date;
  type: string;
  to: CustomerStatus | null;
  comment: string | null;
  customerVisible: boolean;
};

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
    items: { name: string; quantity: number; unitPrice: number }[];
  };
  current: CustomerStatus;
  events: TrackingEventInput[];
  shop: { bankAccount: string | null; courierTrackingLinks: Record<string, string> };
};

export type TrackingView = {
  number: string;
  placedAt: Date;
  firstName: string;
  statusLabel: string | null;
  stage: GroupKind;
  timeline: { at: Date; label: string | null; comment: string | null }[];
  shipment: { courier: string | null; trackingNumber: string; link: string | null } | null;
  items: { name: string; quantity: number; amount: number }[];
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
  const timeline = input.events
    .filter((e) => (e.type === "created" || e.type === "status_changed") && (e.to?.label || (e.customerVisible && e.comment)))
    .map((e) => ({ at: e.at, label: e.to?.label ?? null, comment: e.customerVisible ? e.comment : null }))
    .reverse();
  // A hidden current status shows as the last status the customer was allowed to see.
  const statusLabel = current.label ?? timeline.find((t) => t.label)?.label ?? null;
  const link = order.courier && order.trackingNumber ? input.shop.courierTrackingLinks[order.courier] : undefined;
  const amountDue = Math.max(order.total - order.paidAmount, 0);
  const waitingForTransfer = !order.paid && current.awaitsPayment && order.paymentMethod === "transfer";

  return {
    number: order.number,
    placedAt: order.createdAt,
    firstName: order.customerName.trim().split(/\s+/)[0] ?? "",
    statusLabel,
    stage: current.groupKind,
    timeline,
    shipment: order.trackingNumber
      ? {
          courier: order.courier,
          trackingNumber: order.trackingNumber,
          link: link ? link.replaceAll("{trackingNumber}", encodeURIComponent(order.trackingNumber)) : null,
        }
      : null,
    items: order.items.map((i) => ({ name: i.name, quantity: i.quantity, amount: i.quantity * i.unitPrice })),
    currency: order.currency,
    total: order.total,
    payment: waitingForTransfer
      ? { paid: false, amountDue, bankAccount: input.shop.bankAccount, transferTitle: order.number }
      : order.paid
        ? { paid: true, amountDue: 0, bankAccount: null, transferTitle: order.number }
        : null,
  };
}
