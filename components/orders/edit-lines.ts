import type { OrderItem, ShippingAddress } from "@/db/schema";
import { EDITABLE_FIELDS, type EditedField, type OrderEditedData } from "@/lib/orders/edit-fields";

/** One changed field of an `order_edited` history entry, its values put in words. */
export type EditLine = { field: EditedField; before: string; after: string };

/** The catalogue's key of a field (`order.history.edited.fields`): next-intl reads a dot in a key as nesting. */
export function editFieldKey(field: EditedField) {
  return field.replace(/\.(\w)/, (_, c: string) => c.toUpperCase()) as "customerName" | "customerEmail" | "customerPhone" | Exclude<EditedField, `customer.${string}`>;
}

/** How a value is put in words: the reader's money format and the `order.history.edited` texts. */
export type EditWording = {
  money: (minor: number) => string;
  /** "(none)": a cleared email, phone or address. */
  empty: string;
  paid: string;
  unpaid: string;
  /** "and N more" after the first items of a long list. */
  moreItems: (count: number) => string;
};

/** A long list of items shows this many, then how many more. */
export const ITEMS_SHOWN = 5;

function addressText(address: ShippingAddress): string {
  return [address.name, address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean).join(", ");
}

function itemsText(items: OrderItem[], w: EditWording): string {
  const shown = items.slice(0, ITEMS_SHOWN).map((i) => `${i.quantity} × ${i.name} (${i.sku}, ${w.money(i.unitPrice)})`);
  const rest = items.length - ITEMS_SHOWN;
  return rest > 0 ? `${shown.join("; ")} ${w.moreItems(rest)}` : shown.join("; ");
}

function valueText(field: EditedField, value: unknown, w: EditWording): string {
  if (value === null || value === undefined || value === "") return w.empty;
  switch (field) {
    case "total":
      return typeof value === "number" ? w.money(value) : String(value);
    case "paid":
      return value === true ? w.paid : w.unpaid;
    case "shippingAddress":
      return typeof value === "object" ? addressText(value as ShippingAddress) : String(value);
    case "items":
      return Array.isArray(value) ? itemsText(value as OrderItem[], w) : String(value);
    default:
      return String(value);
  }
}

/**
 * The changed fields of an edit's history entry, in the order the order page lists an order's
 * parts, each with its value before and after in words. Fields this version does not know are
 * left out rather than shown raw.
 */
export function editLines(data: unknown, w: EditWording): EditLine[] {
  const changes = (data as Partial<OrderEditedData> | null)?.changes ?? {};
  return EDITABLE_FIELDS.filter((field) => changes[field] !== undefined).map((field) => ({
    field,
    before: valueText(field, changes[field]!.before, w),
    after: valueText(field, changes[field]!.after, w),
  }));
}
