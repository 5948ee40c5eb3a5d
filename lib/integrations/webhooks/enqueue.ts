import type { Tx } from "@/db";
import type { OrderEventContext } from "@/lib/orders/after-event";

/** Queues the event's webhook deliveries in the outbox (issue 7 fills this in). */
export async function enqueueWebhooksForEvent(_tx: Tx, _context: OrderEventContext): Promise<number> {
  return 0;
}
