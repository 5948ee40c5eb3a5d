import type { SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import type { OrderEvent, OrderEventType } from "@/db/schema";
import { ORDER_REACTIONS } from "@/lib/order-reactions";
import type { Listeners, OrderEventContext, ReactionSteps } from "./reactions";

/**
 * `Listeners` for events of `type` as SQL booleans, one per reaction, for a caller to select within
 * a statement it sends anyway (the status change's check): when nothing listens, as in most shops
 * most of the time, the change then skips every lookup and its round trip.
 */
export function listenerColumns(type: OrderEventType): Record<string, SQL<boolean>> {
  return Object.fromEntries(ORDER_REACTIONS.map((reaction) => [reaction.name, reaction.listens(type)]));
}

/**
 * The reactions to `event` that listen to it, each with what it read, in the wiring's order. The
 * reads are sent together (postgres.js pipelines them on the transaction's connection); `listeners`,
 * when the caller already knows them, spares the reads of what nobody listens with.
 */
export async function prepareReactions(
  tx: Tx,
  event: OrderEvent,
  listeners: Listeners = {},
): Promise<((context: OrderEventContext) => ReactionSteps)[]> {
  const listening = ORDER_REACTIONS.filter((reaction) => listeners[reaction.name] !== false);
  return Promise.all(listening.map((reaction) => reaction.prepare(tx, event)));
}
