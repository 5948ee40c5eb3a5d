import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderTypes, statuses, statusGroups, transitions, type Status, type StatusGroupKind } from "@/db/schema";
import type { WorkflowDefinition, WorkflowStatus } from "@/lib/workflow";

/** A status row as the pure engine sees it. */
export function toWorkflowStatus(status: Status, groupKind: StatusGroupKind): WorkflowStatus {
  return {
    id: status.id,
    code: status.code,
    name: status.name,
    groupKind,
    requiresPayment: status.requiresPayment,
    allowCashOnDelivery: status.allowCashOnDelivery,
    awaitsPayment: status.awaitsPayment,
    archived: status.archivedAt !== null,
  };
}

/** Reads one order type's process from the database into the pure workflow shape. */
export async function loadWorkflowDefinition(
  db: DbOrTx,
  orderTypeId: number,
): Promise<WorkflowDefinition | undefined> {
  const [type] = await db.select().from(orderTypes).where(eq(orderTypes.id, orderTypeId));
  if (!type) return undefined;
  const [statusRows, transitionRows] = await Promise.all([
    db
      .select({ status: statuses, groupKind: statusGroups.kind })
      .from(statuses)
      .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
      .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id)),
    db
      .select({ from: transitions.fromStatusId, to: transitions.toStatusId })
      .from(transitions)
      .where(eq(transitions.orderTypeId, orderTypeId)),
  ]);
  return {
    initialStatusId: type.initialStatusId,
    statuses: statusRows.map(({ status, groupKind }) => toWorkflowStatus(status, groupKind)),
    transitions: transitionRows,
  };
}
