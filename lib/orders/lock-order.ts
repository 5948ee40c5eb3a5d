import type { Tx } from "@/db";
import type { Order } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";
import { selectOrderForUpdate } from "./fast-path";

/** An order by its id (screens, rules) or by its number (the API, ERPs). */
export type OrderKey = { id: number } | { number: string };

/** How a refusal names an order it could not find. */
function describeOrderKey(key: OrderKey): string {
  return "id" in key ? `Order ${key.id} does not exist.` : `There is no order ${key.number}.`;
}

/**
 * The first step of every change to an order: lock its row, so concurrent changes queue up
 * behind each other, then refuse when the caller saw an older version than the one now stored.
 */
export async function lockOrderForChange(tx: Tx, key: OrderKey, expectedVersion?: number): Promise<Result<Order>> {
  const [order] = "id" in key ? await selectOrderForUpdate.byId(tx, { order: key.id }) : await selectOrderForUpdate.byNumber(tx, { order: key.number });
  if (!order) return refuse("not_found", describeOrderKey(key));
  if (expectedVersion !== undefined && expectedVersion !== order.version) {
    return refuse("version_conflict", `Order ${order.number} was changed by someone else in the meantime. Reload it and try again.`, {
      details: { expectedVersion, currentVersion: order.version },
    });
  }
  return { ok: true, value: order };
}
