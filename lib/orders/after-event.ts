import type { Tx } from "@/db";
import type { Order, OrderEvent } from "@/db/schema";
import { runAutomationsForEvent } from "@/lib/automation/dispatch";
import { enqueueWebhooksForEvent } from "@/lib/integrations/webhooks/enqueue";

/**
 * What happened to an order, handed to everything that reacts to it. `depth` counts how many
 * automated changes led here (0 for a person's or a machine's own change); automations stop
 * chaining at a limit so a misconfigured pair of rules cannot loop.
 */
export type OrderEventContext = { order: Order; event: OrderEvent; depth: number };

/**
 * Steps 8 and 9 of every change (the design's transition algorithm), shared by creation,
 * status changes, payments and tracking updates, inside the change's own transaction:
 * webhooks are queued in the outbox, then the rules triggered by the event run (each of their
 * status changes comes back through `transitionOrder`). Returns the order as it stands after
 * the rules, which may have moved it on.
 */
export async function afterOrderEvent(tx: Tx, context: OrderEventContext): Promise<Order> {
  await enqueueWebhooksForEvent(tx, context);
  return runAutomationsForEvent(tx, context);
}
