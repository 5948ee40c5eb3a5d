import { createOrder, editOrder, setTracking } from "@/lib/orders";
import { ok } from "@/lib/result";
import { listOrdersPage } from "../order-listing";
import { defineRoute } from "../route";
import { apiOrderSchema, createOrderBody, listOrdersQuery, orderChangeSchema, orderNumberParams, orderPageSchema, patchOrderBody } from "../schemas";
import { eventView, loadLookups, orderView } from "../views";
import { findOrderByNumber } from "./find-order";

export const createOrderRoute = defineRoute({
  method: "POST",
  path: "/orders",
  operationId: "createOrder",
  tag: "Orders",
  summary: "Create an order",
  description: "Creates the order in its order type's initial status, with its history entry and the customer's notifications. Without `number` the next `ORD-` number is given. `total` defaults to the sum of the items.",
  scope: "write",
  body: createOrderBody,
  example: {
    number: "SHOP-2025-0042",
    orderTypeCode: "retail",
    channel: "shop",
    customer: { name: "Anna Kowalska", email: "anna@example.com", phone: "+48600100200" },
    locale: "pl",
    currency: "PLN",
    items: [{ sku: "MUG-1", name: "Kubek", quantity: 2, unitPrice: 2500, vatRate: 23 }],
    paymentMethod: "transfer",
    shippingMethod: "courier",
    shippingAddress: { name: "Anna Kowalska", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "PL" },
  },
  response: { status: 201, description: "The new order", schema: apiOrderSchema },
  errors: ["validation_failed", "idempotency_conflict"],
  handle: async ({ db, actor, body }) => {
    const created = await createOrder(db, { ...body, actor });
    if (!created.ok) return created;
    return ok(orderView(created.value, await loadLookups(db)));
  },
});

export const listOrdersRoute = defineRoute({
  method: "GET",
  path: "/orders",
  operationId: "listOrders",
  tag: "Orders",
  summary: "List orders",
  description:
    "Orders filtered and sorted, a page at a time: oldest first unless `sort` says otherwise. Follow `nextCursor` (with the same `sort`) while `hasMore` is true; a cursor from another sort is refused. List filters (`status`, `group`, `number`, `paymentState`) take several values, repeated or comma-separated; different filters all apply. For a sync, poll with `sort=updated` and `updatedSince` set to the time of your previous poll.",
  scope: "read",
  query: listOrdersQuery,
  response: { status: 200, description: "One page of orders", schema: orderPageSchema },
  errors: ["validation_failed"],
  handle: async ({ db, query }) => {
    const lookups = await loadLookups(db);
    const page = await listOrdersPage(db, query, lookups);
    if (!page.ok) return page;
    return ok({ data: page.value.rows.map((o) => orderView(o, lookups)), nextCursor: page.value.nextCursor, hasMore: page.value.hasMore });
  },
});

export const getOrderRoute = defineRoute({
  method: "GET",
  path: "/orders/{number}",
  operationId: "getOrder",
  tag: "Orders",
  summary: "Get an order",
  scope: "read",
  params: orderNumberParams,
  response: { status: 200, description: "The order", schema: apiOrderSchema },
  errors: ["not_found"],
  handle: async ({ db, params }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    return ok(orderView(order.value, await loadLookups(db)));
  },
});

export const patchOrderRoute = defineRoute({
  method: "PATCH",
  path: "/orders/{number}",
  operationId: "updateOrder",
  tag: "Orders",
  summary: "Set the tracking number, or edit the customer, address, items and total",
  description:
    "One of two changes per request. **Tracking**: `courier` and `trackingNumber`; a field left out keeps its value, null or an empty string clears one; allowed in every status; writes a `tracking_updated` history entry. **Edit**: `customer` (only the fields sent; null clears `email` or `phone`), `shippingAddress` (replaces it; null clears it), `items` (the whole list replaces the order's) and `total` (without it, new `items` set the total to their sum); only while the order's status allows editing (`allowsEditing` in `GET /statuses`), else 409 `editing_not_allowed`; writes one `order_edited` history entry with each changed field before and after, and sends the `order.updated` webhook. Tracking and edit fields in one request are refused (422). Both bump the version; sending the values the order already has changes nothing (and `event` is null).",
  scope: "write",
  params: orderNumberParams,
  body: patchOrderBody,
  example: {
    customer: { name: "Anna Nowak", phone: null },
    items: [{ sku: "MUG-1", name: "Kubek", quantity: 3, unitPrice: 2500, vatRate: 23 }],
    expectedVersion: 4,
  },
  response: { status: 200, description: "The order after the change", schema: orderChangeSchema },
  errors: ["not_found", "validation_failed", "version_conflict", "editing_not_allowed"],
  handle: async ({ db, actor, params, body }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    const { courier, trackingNumber, expectedVersion, ...edit } = body;
    const result =
      courier === undefined && trackingNumber === undefined
        ? await editOrder(db, { ...edit, orderId: order.value.id, expectedVersion, actor })
        : await setTracking(db, {
            orderId: order.value.id,
            courier: courier === undefined ? order.value.courier : courier,
            trackingNumber: trackingNumber === undefined ? order.value.trackingNumber : trackingNumber,
            expectedVersion,
            actor,
          });
    if (!result.ok) return result;
    const lookups = await loadLookups(db);
    return ok({ order: orderView(result.value.order, lookups), event: result.value.event && eventView(result.value.event, lookups) });
  },
});
