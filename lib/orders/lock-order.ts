import type { Tx } from "@/db";
import type { Order } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { selectOrderForUpdate } from "./fast-path";

/**
 * The first step of every change to an order: lock its row, so concurrent changes queue up
 * behind each other, then refuse when the caller saw an older version than the one now stored.
 */
export async function lockOrderForChange(tx: Tx, orderId: number, expectedVersion?: number): Promise<Result<Order>> {
  const [order] = await selectOrderForUpdate(tx, { orderId });
  if (!order) return refuse("not_found", `Order ${orderId} does not exist.`);
  if (expectedVersion !== undefined && expectedVersion !== order.version) {
    return refuse("version_conflict", `Order ${order.number} was changed by someone else in the meantime. Reload it and try again.`, {
      details: { expectedVersion, currentVersion: order.version },
    });
  }
  return { ok: true, value: order };
}
