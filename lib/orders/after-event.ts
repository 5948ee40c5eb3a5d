import type { Tx } from "@/db";
import type { Order, OrderEvent } from "@/db/schema";
import { rulesTriggeredBy, runRules } from "@/lib/automation/dispatch";
import { endpointsSubscribedTo, queueWebhooks } from "@/lib/integrations/webhooks/enqueue";

/** One automated status change in a chain: which rule moved the order into which status. */
export type AutomationStep = { ruleId: number; statusId: number };

/**
 * What happened to an order, handed to everything that reacts to it. `depth` counts how many
 * automated changes led here (0 for a person's or a machine's own change); automations stop
 * chaining at a limit so a misconfigured pair of rules cannot loop. `chain` lists those changes,
 * so a rule about to repeat one of them is reported as a cycle instead of going round again.
 */
export type OrderEventContext = { order: Order; event: OrderEvent; depth: number; chain?: readonly AutomationStep[] };

/**
 * Steps 8 and 9 of every change (the design's transition algorithm), shared by creation,
 * status changes, payments and tracking updates, inside the change's own transaction:
 * webhooks are queued in the outbox, then the rules triggered by the event run (each of their
 * status changes comes back through `transitionOrder`). Returns the order as it stands after
 * the rules, which may have moved it on.
 */
export async function afterOrderEvent(tx: Tx, context: OrderEventContext): Promise<Order> {
  // Both lookups are sent together (postgres.js pipelines them on the transaction's connection):
  // most changes find no endpoint and no rule, and that common case then costs one round trip.
  const [endpoints, rules] = await Promise.all([
    endpointsSubscribedTo(tx, context.event),
    rulesTriggeredBy(tx, context.event),
  ]);
  await queueWebhooks(tx, context, endpoints);
  return runRules(tx, context, rules);
}
