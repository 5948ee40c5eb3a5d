import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders, type Order } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";

/** Every `/orders/{number}` endpoint answers a missing order the same way. */
export async function findOrderByNumber(db: DbOrTx, number: string): Promise<Result<Order>> {
  const [order] = await db.select().from(orders).where(eq(orders.number, number));
  return order ? ok(order) : refuse("not_found", `There is no order ${number}.`);
}
