import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses, statusGroups, type Order } from "@/db/schema";

/** What an order is (a sale, a return, a complaint: its type's kind) and where it stands (its status's group kind). */
export async function orderKindsOf(db: DbOrTx, order: Pick<Order, "number" | "orderTypeId" | "statusId">) {
  const [row] = await db
    .select({ orderKind: orderTypes.kind, statusKind: statusGroups.kind })
    .from(orderTypes)
    .innerJoin(statuses, eq(statuses.id, order.statusId))
    .innerJoin(statusGroups, eq(statusGroups.id, statuses.groupId))
    .where(eq(orderTypes.id, order.orderTypeId));
  if (!row) throw new Error(`order ${order.number} has no type or status`);
  return row;
}
