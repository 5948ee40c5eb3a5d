import { eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { orders, type Order } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";

// Run by every `/orders/{number}` request: built once (see compileQuery).
const selectOrderByNumber = compileQuery<Order[], { number: string }>(
  "api.orderByNumber",
  (db) => db.select().from(orders).where(eq(orders.number, sql.placeholder("number"))),
  getTableColumns(orders),
);

/** Every `/orders/{number}` endpoint answers a missing order the same way. */
export async function findOrderByNumber(db: DbOrTx, number: string): Promise<Result<Order>> {
  const [order] = await selectOrderByNumber(db, { number });
  return order ? ok(order) : refuse("not_found", `There is no order ${number}.`);
}
