import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses, statusGroups, transitions, type OrderType } from "@/db/schema";
import { toWorkflowStatus } from "@/lib/orders/workflow-definition";
import type { WorkflowDefinition } from "@/lib/workflow";

export type TypeDefinition = { type: OrderType; definition: WorkflowDefinition };

/**
 * Every order type's process in the pure engine's shape, from four queries whatever the number of
 * types: the configuration services lint all of them before and after each write, because a
 * status edit (its group, its payment flags, archiving it) changes every process that uses it.
 */
export async function loadAllDefinitions(db: DbOrTx): Promise<TypeDefinition[]> {
  const [types, statusRows, transitionRows] = await Promise.all([
    db.select().from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id)),
    db
      .select({ status: statuses, groupKind: statusGroups.kind })
      .from(statuses)
      .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
      .orderBy(asc(statusGroups.position), asc(statusGroups.id), asc(statuses.position), asc(statuses.id)),
    db.select().from(transitions),
  ]);
  const all = statusRows.map(({ status, groupKind }) => toWorkflowStatus(status, groupKind));
  return types.map((type) => ({
    type,
    definition: {
      statuses: all,
      initialStatusId: type.initialStatusId,
      transitions: transitionRows
        .filter((t) => t.orderTypeId === type.id)
        .map((t) => ({ from: t.fromStatusId, to: t.toStatusId })),
    },
  }));
}
