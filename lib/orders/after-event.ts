import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { automationRules, webhookEndpoints, type Order, type OrderEvent, type OrderEventType } from "@/db/schema";
import { rulesTriggeredBy, runRules, triggerOf, triggeredBy } from "@/lib/automation/dispatch";
import { webhookEventTypeOf } from "@/lib/integrations/webhooks/events";
import { endpointsSubscribedTo, queueWebhooks, subscribedTo } from "@/lib/integrations/webhooks/enqueue";

/** One automated status change in a chain: which rule moved the order into which status. */
export type AutomationStep = { ruleId: number; statusId: number };

/**
 * What happened to an order, handed to everything that reacts to it. `depth` counts how many
 * automated changes led here (0 for a person's or a machine's own change); automations stop
 * chaining at a limit so a misconfigured pair of rules cannot loop. `chain` lists those changes,
 * so a rule about to repeat one of them is reported as a cycle instead of going round again.
 */
export type OrderEventContext = { order: Order; event: OrderEvent; depth: number; chain?: readonly AutomationStep[] };

/** Whether any webhook endpoint, and any automation rule, reacts to an event. */
export type Listeners = { webhooks: boolean; rules: boolean };

const EVERYONE: Listeners = { webhooks: true, rules: true };

/**
 * `Listeners` for events of `type` as two SQL booleans, for a caller to select within a statement
 * it sends anyway (the status change's check): when nothing listens, as in most shops most of the
 * time, the change then skips both lookups and their round trip.
 */
export function listenerColumns(type: OrderEventType): { webhooks: SQL<boolean>; rules: SQL<boolean> } {
  const webhook = webhookEventTypeOf(type);
  const trigger = triggerOf(type);
  return {
    webhooks: webhook ? sql<boolean>`exists (select 1 from ${webhookEndpoints} where ${subscribedTo(webhook)})` : sql<boolean>`false`,
    rules: trigger ? sql<boolean>`exists (select 1 from ${automationRules} where ${triggeredBy(trigger)})` : sql<boolean>`false`,
  };
}

/**
 * Steps 8 and 9 of every change (the design's transition algorithm), shared by creation,
 * status changes, payments and tracking updates, inside the change's own transaction:
 * webhooks are queued in the outbox, then the rules triggered by the event run (each of their
 * status changes comes back through `transitionOrder`). Returns the order as it stands after
 * the rules, which may have moved it on. `listeners`, when the caller already knows them, spares
 * the lookups of what nobody listens with.
 */
export async function afterOrderEvent(tx: Tx, context: OrderEventContext, listeners: Listeners = EVERYONE): Promise<Order> {
  // Both lookups are sent together (postgres.js pipelines them on the transaction's connection).
  const [endpoints, rules] = await Promise.all([
    listeners.webhooks ? endpointsSubscribedTo(tx, context.event) : [],
    listeners.rules ? rulesTriggeredBy(tx, context.event) : [],
  ]);
  await queueWebhooks(tx, context, endpoints);
  return runRules(tx, context, rules);
}
