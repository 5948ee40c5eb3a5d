import type { Order, Status } from "@/db/schema";
import { courierTrackingLink } from "@/lib/courier-link";
import { customerTranslator, resolveLocale } from "@/lib/i18n";
import { intlTag } from "@/lib/i18n/locales";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import type { MessageSettings } from "@/lib/settings";
import type { VariableName } from "./catalogue";
import { courierName } from "@/lib/courier-name";

/**
 * The values a message template may use, captured when the message is queued. The outbox
 * keeps this snapshot, not rendered text, so a template fixed later still renders the facts
 * as they were at the change.
 */
export type VariableSnapshot = Record<VariableName, string>;


// Building an Intl formatter costs far more than using one, and every status change snapshots
// several values: keep one per language and currency for the life of the process.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTag(resolveLocale(locale)), { style: "currency", currency });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}

function formatDate(date: Date, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(resolveLocale(locale)), {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Warsaw",
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** One line per item, the first ITEMS_SHOWN only, then "and N more" in the order's language. */
function itemLines(items: Order["items"], locale: string): string {
  const lines = items.slice(0, ITEMS_SHOWN).map((item) => `${item.quantity} × ${item.name}`);
  const more = items.length - lines.length;
  if (more > 0) lines.push(customerTranslator(resolveLocale(locale))("moreItems", { count: more }));
  return lines.join("\n");
}

function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}

/**
 * The status as the customer reads it. A status hidden from customers (no label) that still
 * notifies them falls back to its name rather than leaving a hole in the sentence.
 */
export function customerLabelFor(status: Status, locale: string): string {
  const translation = status.translations[locale];
  return translation?.customerLabel ?? status.customerLabel ?? translation?.name ?? status.name;
}

export function trackingUrlFor(order: Pick<Order, "trackingToken">, appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/track/${order.trackingToken}`;
}

export function snapshotVariables(input: {
  order: Order;
  status: Status;
  settings: MessageSettings;
  comment?: string;
}): VariableSnapshot {
  const { order, status, settings, comment } = input;
  const due = Math.max(order.total - order.paidAmount, 0);
  return {
    orderNumber: order.number,
    orderDate: formatDate(order.createdAt, order.locale),
    customerFirstName: firstName(order.customerName),
    statusLabel: customerLabelFor(status, order.locale),
    comment: comment ?? "",
    total: formatMoney(order.total, order.currency, order.locale),
    amountDue: formatMoney(due, order.currency, order.locale),
    paymentMethod: order.paymentMethod,
    bankAccount: settings.bankAccount ?? "",
    items: itemLines(order.items, order.locale),
    courier: order.courier ? courierName(order.courier) : "",
    trackingNumber: order.trackingNumber ?? "",
    trackingLink: courierTrackingLink(settings.courierTrackingLinks, order.courier, order.trackingNumber) ?? "",
    trackingPageUrl: trackingUrlFor(order, settings.appUrl),
    shopName: settings.shopName,
    shopEmail: settings.supportEmail ?? "",
    shopPhone: settings.supportPhone ?? "",
  };
}
