import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orders } from "@/db/schema";
import { refuse, type StrandedOrders, type Stranding } from "@/lib/result";
import { stuckStatusIds } from "@/lib/workflow";
import type { TypeDefinition } from "./definitions";

const NONE: Stranding = { stranded: [], total: 0 };
const pairKey = (typeId: number, statusId: number) => `${typeId}:${statusId}`;

/**
 * The open orders a write leaves with no way forward that had one before it, per order type and
 * status. Which (type, status) pairs are newly stuck follows from the processes before and after
 * (already loaded for the lint); only those pairs are counted, by one grouped query on the orders'
 * (type, status) index, so the check costs nothing when a write strands no status and stays cheap
 * with 100k orders. Pairs that were stuck already do not count: repairing a process one step at a
 * time must not ask about orders an earlier change stranded.
 */
export async function newlyStranded(db: DbOrTx, before: TypeDefinition[], after: TypeDefinition[]): Promise<Stranding> {
  const wasStuck = new Set(before.flatMap(({ type, definition }) => stuckStatusIds(definition).map((id) => pairKey(type.id, id))));
  const candidates = after
    .map(({ type, definition }) => ({ type, definition, statusIds: stuckStatusIds(definition).filter((id) => !wasStuck.has(pairKey(type.id, id))) }))
    .filter((c) => c.statusIds.length > 0);
  if (candidates.length === 0) return NONE;
  const counts = await db
    .select({ typeId: orders.orderTypeId, statusId: orders.statusId, orders: sql<number>`count(*)::int` })
    .from(orders)
    .where(or(...candidates.map((c) => and(eq(orders.orderTypeId, c.type.id), inArray(orders.statusId, c.statusIds)))))
    .groupBy(orders.orderTypeId, orders.statusId);
  if (counts.length === 0) return NONE;
  const found = new Map(counts.map((c) => [pairKey(c.typeId, c.statusId), c.orders]));
  // In the order types' order, then the board's status order: the way the admin reads the studio.
  const stranded = candidates.flatMap(({ type, definition, statusIds }): StrandedOrders[] =>
    statusIds.flatMap((statusId) => {
      const count = found.get(pairKey(type.id, statusId));
      const status = definition.statuses.find((s) => s.id === statusId);
      if (!count || !status) return [];
      return [{ orderType: { id: type.id, code: type.code, name: type.name }, status: { id: status.id, code: status.code, name: status.name }, orders: count }];
    }),
  );
  return { stranded, total: stranded.reduce((sum, s) => sum + s.orders, 0) };
}

/**
 * Refused until the caller confirms the very number it was shown: a count that changed meanwhile
 * (more orders reached the status, another admin's write) is refused again with the new one.
 */
export function strandingRefusal(stranding: Stranding) {
  const where = stranding.stranded.map((s) => `${s.orders} in ${s.status.name} (${s.orderType.name})`).join(", ");
  const message =
    `This would leave ${stranding.total} open ${stranding.total === 1 ? "order" : "orders"} with no way forward: ${where}. ` +
    `Send confirmStranded=${stranding.total} to save it anyway.`;
  return refuse("would_strand_orders", message, { details: stranding });
}
