import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { roles, roleStatusRights } from "@/db/schema";
import type { RoleRef, WorkflowDefinition } from "@/lib/workflow";

/** A role's status rights in every order type; null when the role limits no statuses. */
export type RoleStatusRights = { role: RoleRef; byOrderType: Record<number, number[]> } | null;

/**
 * What a role may move orders into, read once for a screen (the board, the list, the order page)
 * so it can show the engine's verdicts for this person. The change itself is judged again by the
 * transition service, which reads the same rows in its own statement.
 */
export async function loadStatusRights(db: DbOrTx, roleId: number): Promise<RoleStatusRights> {
  const [role] = await db.select().from(roles).where(eq(roles.id, roleId));
  if (!role?.limitsStatuses) return null;
  const rows = await db
    .select({ orderTypeId: roleStatusRights.orderTypeId, statusId: roleStatusRights.statusId })
    .from(roleStatusRights)
    .where(eq(roleStatusRights.roleId, roleId));
  const byOrderType: Record<number, number[]> = {};
  for (const row of rows) (byOrderType[row.orderTypeId] ??= []).push(row.statusId);
  return { role: { builtIn: role.builtIn, name: role.name }, byOrderType };
}

/** An order type's definition as a person with these rights meets it: the engine then refuses the statuses the role may not use. */
export function withStatusRights(definition: WorkflowDefinition, rights: RoleStatusRights, orderTypeId: number): WorkflowDefinition {
  if (!rights) return definition;
  return { ...definition, rights: { role: rights.role, mayEnter: rights.byOrderType[orderTypeId] ?? [] } };
}
