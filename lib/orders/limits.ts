/**
 * How much an order may carry, wherever orders and their changes come in (the API, the order
 * page's forms, the board's dialogs). One place, so the README, the OpenAPI document (built from
 * the schemas that use these) and every door agree. Generous for real shops; small enough that
 * one order cannot make a page, an email or a document unbounded (issue 14, finding 1).
 */
export const ORDER_LIMITS = {
  itemsPerOrder: 1_000,
  itemName: 300,
  sku: 100,
  customerName: 200,
  email: 254,
  channel: 50,
  paymentMethod: 50,
  shippingMethod: 100,
  courier: 50,
  trackingNumber: 100,
  comment: 5_000,
  paymentReference: 200,
  address: { name: 200, street: 300, postalCode: 20, city: 100 },
} as const;

/** The refusal for a text over its limit, the same words on every field. */
export function atMost(limit: number): string {
  return `At most ${limit.toLocaleString("en")} characters`;
}
