import { z } from "zod";

/** The NOTIFY channel the order_events trigger speaks on (db/migrations/0018_order_change_notify.sql). */
export const ORDER_CHANGES_CHANNEL = "order_changes";

const id = z.number().int().positive();

/**
 * What one committed history entry tells the screens: which order, where it now stands and the
 * entry's id (the board's change stamp). Ids only, never a customer's data: the payload passes
 * through every app process and every open stream of the shop.
 */
export const orderChangeSchema = z.object({
  orderId: id,
  orderTypeId: id,
  statusId: id,
  version: z.number().int().nonnegative(),
  eventId: id,
});
export type OrderChange = z.infer<typeof orderChangeSchema>;

/** A NOTIFY payload as an order change; null for anything else (a payload from a future trigger, a hand-sent NOTIFY). */
export function parseOrderChange(payload: string): OrderChange | null {
  try {
    const parsed = orderChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
