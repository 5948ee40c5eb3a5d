import { recordPayment, transitionOrder } from "@/lib/orders";
import { recordParcelEvent } from "@/lib/parcels/record";
import { ok, refuse, type Refusal } from "@/lib/result";
import { defineRoute } from "../route";
import { readEventPage } from "../event-pages";
import {
  eventPageSchema,
  orderChangeSchema,
  orderEventsQuery,
  orderNumberParams,
  parcelEventBody,
  paymentBody,
  transitionBody,
  transitionResultSchema,
} from "../schemas";
import { eventView, loadLookups, orderView } from "../views";
import { findOrderByNumber } from "./find-order";

/** Allowed targets carry database ids inside the app; an API client only knows codes. */
export function publicRefusal(error: Refusal): { ok: false; error: Refusal } {
  if (error.code !== "transition_not_allowed" || !error.details) return { ok: false, error };
  return { ok: false, error: { ...error, details: { allowed: error.details.allowed.map(({ code, name }) => ({ code, name })) } } };
}

export const transitionRoute = defineRoute({
  method: "POST",
  path: "/orders/{number}/transitions",
  operationId: "transitionOrder",
  tag: "Orders",
  summary: "Change an order's status",
  description:
    "Moves the order to the status with code `to`, through the same service as the board: the order type's matrix and the payment gate are checked, the change is recorded in the history as made by this API key's name, and the target status's notifications are queued (`notify` overrides them). With `expectedVersion`, a change made meanwhile by someone else is refused as `version_conflict` instead of being overwritten.",
  scope: "write",
  params: orderNumberParams,
  body: transitionBody,
  example: { to: "shipped", expectedVersion: 3, comment: "Shipped from the Poznań warehouse", customerVisible: true, notify: { email: true, sms: false } },
  response: { status: 200, description: "The order after the change", schema: transitionResultSchema },
  errors: ["not_found", "validation_failed", "transition_not_allowed", "guard_failed", "version_conflict", "idempotency_conflict"],
  handle: async ({ db, actor, params, body }) => {
    const { to, ...rest } = body;
    // The order is found by its number under the change's own lock, and the lookups for the
    // answer do not depend on the change: all of it is read together, not one after another.
    const [result, lookups] = await Promise.all([transitionOrder(db, { ...rest, orderNumber: params.number, to: { code: to }, actor }), loadLookups(db)]);
    if (!result.ok) {
      // An unknown target is a bad `to`, not a missing resource; a missing order stays a 404.
      if (result.error.code === "not_found" && result.error.details?.missing === "status") {
        return refuse("validation_failed", result.error.message, { fieldErrors: { to: ["No status has this code"] } });
      }
      return publicRefusal(result.error);
    }
    return ok({
      order: orderView(result.value.order, lookups),
      event: eventView(result.value.event, lookups),
      notificationsQueued: result.value.notificationsQueued,
    });
  },
});

export const paymentRoute = defineRoute({
  method: "POST",
  path: "/orders/{number}/payments",
  operationId: "recordPayment",
  tag: "Orders",
  summary: "Record a payment",
  description: "Adds a payment in minor units. The order counts as paid once payments reach its total, which opens the payment gate. Bumps the version.",
  scope: "write",
  params: orderNumberParams,
  body: paymentBody,
  example: { amount: 12999, reference: "PRZELEW 2025/03/14-0012" },
  response: { status: 200, description: "The order after the payment", schema: orderChangeSchema },
  errors: ["not_found", "validation_failed", "version_conflict", "idempotency_conflict"],
  handle: async ({ db, actor, params, body }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    const result = await recordPayment(db, { ...body, orderId: order.value.id, actor });
    if (!result.ok) return result;
    const lookups = await loadLookups(db);
    return ok({ order: orderView(result.value.order, lookups), event: eventView(result.value.event, lookups) });
  },
});

export const listEventsRoute = defineRoute({
  method: "GET",
  path: "/orders/{number}/events",
  operationId: "listOrderEvents",
  tag: "Orders",
  summary: "An order's history",
  description:
    "The order's history entries, oldest first, a page at a time: creation, status changes (an undo names the change it takes back in `undoes`), payments, tracking updates, parcel events, edits, comments and notes, with who made them. Follow `nextCursor` (as `after`) while `hasMore` is true. For every order at once, use `GET /events`.",
  scope: "read",
  params: orderNumberParams,
  query: orderEventsQuery,
  response: { status: 200, description: "One page of the history", schema: eventPageSchema },
  errors: ["not_found", "validation_failed"],
  handle: async ({ db, params, query }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    // One order's changes draw their history ids under its row lock, so its ids are already in
    // the order the history was written: no safety margin here, a change shows at once.
    return ok(await readEventPage(db, { orderId: order.value.id, after: query.after, limit: query.limit }));
  },
});

export const parcelEventRoute = defineRoute({
  method: "POST",
  path: "/orders/{number}/parcel-events",
  operationId: "recordParcelEvent",
  tag: "Orders",
  summary: "Record a parcel event",
  description:
    "Records what a carrier says about the order's parcel, in carrier-neutral words: `created` (registered with the carrier), `in_transit`, `out_for_delivery`, `ready_for_pickup`, `delivered` or `returned_to_sender`, with the time it happened and the carrier's own status (`carrierStatus`, default: the event). `carrier` and `trackingNumber` default to the order's. The event shows in the order's history and on the customer's tracking page, bumps the version, sends the `order.parcel_event` webhook and sets off the automation rules listening to parcel events (e.g. delivered → Completed); it never changes the status itself. A report already recorded for the order (same carrier, tracking number, carrier status and time) changes nothing and answers with `event: null`, so a carrier's repeats can be passed on as they come.",
  scope: "write",
  params: orderNumberParams,
  body: parcelEventBody,
  example: { event: "delivered", carrier: "inpost", carrierStatus: "delivered", trackingNumber: "602677439331630337653846", occurredAt: "2026-03-20T15:08:42+01:00" },
  response: { status: 200, description: "The order after the event (`event` null when the report was recorded before)", schema: orderChangeSchema },
  errors: ["not_found", "validation_failed", "version_conflict", "idempotency_conflict"],
  handle: async ({ db, actor, params, body }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    const result = await recordParcelEvent(db, { ...body, occurredAt: new Date(body.occurredAt), orderId: order.value.id, actor });
    if (!result.ok) return result;
    const lookups = await loadLookups(db);
    return ok({ order: orderView(result.value.order, lookups), event: result.value.event && eventView(result.value.event, lookups) });
  },
});
