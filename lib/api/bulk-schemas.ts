import { z } from "zod";
import { orderNumberParams, problemSchema, transitionBody } from "./schemas";

/** One request changes at most this many orders; more are sent as several requests. */
export const MAX_BULK_API_ORDERS = 100;

/**
 * `POST /transitions` (ADR 0140): the single-order change's fields, once for all the orders, and
 * the orders by number, each with the version the client saw. An order listed twice is refused:
 * its second change would be judged against the first's outcome, which the client did not see.
 */
export const bulkTransitionBody = z.strictObject({
  ...transitionBody.pick({ to: true, comment: true, customerVisible: true, notify: true }).shape,
  orders: z
    .array(z.strictObject({ number: orderNumberParams.shape.number, expectedVersion: transitionBody.shape.expectedVersion }))
    .min(1, "Send at least one order")
    .max(MAX_BULK_API_ORDERS, `At most ${MAX_BULK_API_ORDERS} orders per request; send the rest in another`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach(({ number }, index) => {
        if (seen.has(number)) ctx.addIssue({ code: "custom", path: [index, "number"], message: "This order is listed twice" });
        seen.add(number);
      });
    })
    .describe(`The orders to move, 1 to ${MAX_BULK_API_ORDERS}, each changed on its own`),
});

const changedLine = z.object({
  number: z.string(),
  ok: z.literal(true),
  order: z.object({
    version: z.number().int().describe("The order's version after the change"),
    status: z.object({ code: z.string(), name: z.string() }).describe("Where the order is now (an automation may have moved it on)"),
  }),
  eventId: z.number().int().describe("The history entry the change wrote"),
  notificationsQueued: z.number().int(),
});

const refusedLine = z.object({
  number: z.string(),
  ok: z.literal(false),
  problem: problemSchema.describe("Why this order was not changed: the same problem the single-order endpoint answers"),
});

export const bulkTransitionResultSchema = z.object({
  results: z.array(z.discriminatedUnion("ok", [changedLine, refusedLine])).describe("One line per order, in the request's order"),
  summary: z.object({ changed: z.number().int(), refused: z.number().int() }),
});
