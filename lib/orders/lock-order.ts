import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { orders, type Order } from "@/db/schema";
import { refuse, type Result } from "@/lib/result";

/**
 * The first step of every change to an order: lock its row, so concurrent changes queue up
 * behind each other, then refuse when the caller saw an older version than the one now stored.
 */
const selectForUpdate = compileQuery<Order[], { orderId: number }>(
  (db) => db.select().from(orders).where(eq(orders.id, sql.placeholder("orderId"))).for("update"),
  getTableColumns(orders),
);

export async function lockOrderForChange(tx: Tx, orderId: number, expectedVersion?: number): Promise<Result<Order>> {
  const [order] = await selectForUpdate(tx, { orderId });
  if (!order) return refuse("not_found", `Order ${orderId} does not exist.`);
  if (expectedVersion !== undefined && expectedVersion !== order.version) {
    return refuse("version_conflict", `Order ${order.number} was changed by someone else in the meantime. Reload it and try again.`, {
      details: { expectedVersion, currentVersion: order.version },
    });
  }
  return { ok: true, value: order };
}
