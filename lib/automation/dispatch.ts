import type { Tx } from "@/db";
import type { Order } from "@/db/schema";
import type { OrderEventContext } from "@/lib/orders/after-event";

/** Runs the rules the event triggers (issue 8 fills this in). Returns the order as it stands after them. */
export async function runAutomationsForEvent(_tx: Tx, context: OrderEventContext): Promise<Order> {
  return context.order;
}
