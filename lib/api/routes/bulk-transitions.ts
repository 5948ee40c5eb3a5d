import { inArray } from "drizzle-orm";
import { orders } from "@/db/schema";
import { transitionOrders } from "@/lib/orders";
import { ok, refuse } from "@/lib/result";
import { bulkTransitionBody, bulkTransitionResultSchema, MAX_BULK_API_ORDERS } from "../bulk-schemas";
import { problemFromRefusal, problemOf } from "../problem";
import { defineRoute } from "../route";
import { loadLookups } from "../views";
import { publicRefusal } from "./order-actions";

export const bulkTransitionRoute = defineRoute({
  method: "POST",
  path: "/transitions",
  operationId: "transitionOrders",
  tag: "Orders",
  summary: "Change many orders' status",
  description: `Moves up to ${MAX_BULK_API_ORDERS} orders to the status with code \`to\`, as the orders list's bulk change does: each order through the same service as \`POST /orders/{number}/transitions\`, in a transaction of its own, so one refusal neither stops nor undoes the others. Answers 200 with one line per order: \`ok: true\` with its new version and status, or \`ok: false\` with the problem the single-order endpoint would answer (\`transition_not_allowed\` with \`allowed\`, \`guard_failed\` with \`reason\`, \`version_conflict\`, \`not_found\` for an unknown number). Only a request that cannot run at all (an unknown \`to\`, more than ${MAX_BULK_API_ORDERS} orders, an order listed twice) is refused whole, with 422. With \`Idempotency-Key\`, a retry gets the stored answer and changes nothing twice; a retry while the first still runs gets 409 \`idempotency_in_progress\`.`,
  scope: "write",
  body: bulkTransitionBody,
  transactions: "own",
  example: {
    to: "shipped",
    orders: [{ number: "ORD-10042", expectedVersion: 4 }, { number: "ORD-10043" }],
    comment: "Collected by the courier",
    customerVisible: true,
    notify: { email: true, sms: false },
  },
  response: { status: 200, description: "Each order's outcome", schema: bulkTransitionResultSchema },
  errors: ["validation_failed", "idempotency_conflict", "idempotency_in_progress"],
  handle: async ({ db, actor, body }) => {
    const { to, orders: items, ...details } = body;
    const lookups = await loadLookups(db);
    if (![...lookups.statusById.values()].some((s) => s.code === to)) {
      return refuse("validation_failed", "Please check: to.", { fieldErrors: { to: ["No status has this code"] } });
    }
    const found = await db
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(inArray(orders.number, items.map((i) => i.number)));
    const idOf = new Map(found.map((o) => [o.number, o.id]));
    const report = await transitionOrders(db, {
      ...details,
      to: { code: to },
      actor,
      orders: items.flatMap(({ number, expectedVersion }) => {
        const orderId = idOf.get(number);
        return orderId === undefined ? [] : [{ orderId, expectedVersion }];
      }),
    });
    const resultOf = new Map(report.map(({ orderId, result }) => [orderId, result]));

    const results = items.map(({ number }) => {
      const result = resultOf.get(idOf.get(number) ?? 0);
      if (!result) return { number, ok: false as const, problem: problemOf("not_found", `There is no order ${number}.`) };
      if (!result.ok) return { number, ok: false as const, problem: problemFromRefusal(publicRefusal(result.error).error) };
      const { order, event, notificationsQueued } = result.value;
      const status = lookups.statusById.get(order.statusId);
      return {
        number,
        ok: true as const,
        order: { version: order.version, status: { code: status?.code ?? "", name: status?.name ?? "" } },
        eventId: event.id,
        notificationsQueued,
      };
    });
    const changed = results.filter((r) => r.ok).length;
    return ok({ results, summary: { changed, refused: results.length - changed } });
  },
});
