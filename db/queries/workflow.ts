import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses, statusGroups } from "@/db/schema";

/** Statuses in their groups, in board order. */
export async function listStatusesByGroup({ db }: { db: DbOrTx }) {
  const [groups, rows] = await Promise.all([
    db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
    db.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
  ]);
  return groups.map((group) => ({ group, statuses: rows.filter((s) => s.groupId === group.id) }));
}

export async function listOrderTypes({ db }: { db: DbOrTx }) {
  return db
    .select({ type: orderTypes, initialStatus: statuses.name })
    .from(orderTypes)
    .innerJoin(statuses, eq(orderTypes.initialStatusId, statuses.id))
    .orderBy(asc(orderTypes.position), asc(orderTypes.id));
}
