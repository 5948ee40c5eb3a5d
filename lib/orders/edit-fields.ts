/**
 * The fields an edit (lib/orders/edit.ts) can change, as its history entry names them, in the
 * order a screen lists them. Apart from the service so the history's rendering imports no
 * database code.
 */
export const EDITABLE_FIELDS = ["customer.name", "customer.email", "customer.phone", "shippingAddress", "items", "total", "paid"] as const;
export type EditedField = (typeof EDITABLE_FIELDS)[number];
export type FieldChange = { before: unknown; after: unknown };
/** The `data` of an `order_edited` history entry: only the fields that changed. */
export type OrderEditedData = { changes: Partial<Record<EditedField, FieldChange>> };
