import { asc, eq } from "drizzle-orm";
import { orderEvents } from "@/db/schema";
import { recordPayment, transitionOrder } from "@/lib/orders";
import { ok, refuse, type Refusal } from "@/lib/result";
import { defineRoute } from "../route";
import { eventListSchema, orderChangeSchema, orderNumberParams, paymentBody, transitionBody, transitionResultSchema } from "../schemas";
import { eventView, loadLookups, orderView } from "../views";
import { findOrderByNumber } from "./find-order";

/** Allowed targets carry database ids inside the app; an API client only knows codes. */
function publicRefusal(error: Refusal): { ok: false; error: Refusal } {
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
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    const { to, ...rest } = body;
    // The lookups for the answer do not depend on the change: read alongside it, not after.
    const [result, lookups] = await Promise.all([transitionOrder(db, { ...rest, orderId: order.value.id, to: { code: to }, actor }), loadLookups(db)]);
    if (!result.ok) {
      // The order exists, so "not found" here is the target: the client sent an unknown code.
      if (result.error.code === "not_found") {
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
  description: "Every history entry of the order, oldest first: creation, status changes, payments, tracking updates and comments, with who made them.",
  scope: "read",
  params: orderNumberParams,
  response: { status: 200, description: "The history", schema: eventListSchema },
  errors: ["not_found"],
  handle: async ({ db, params }) => {
    const order = await findOrderByNumber(db, params.number);
    if (!order.ok) return order;
    const [lookups, events] = await Promise.all([
      loadLookups(db),
      db.select().from(orderEvents).where(eq(orderEvents.orderId, order.value.id)).orderBy(asc(orderEvents.id)),
    ]);
    return ok({ data: events.map((e) => eventView(e, lookups)) });
  },
});
