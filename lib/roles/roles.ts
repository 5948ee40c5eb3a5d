import { and, asc, count, countDistinct, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orderTypes, ROLE_AREAS, roles, roleStatusRights, statuses, users, type Role, type RoleArea } from "@/db/schema";
import { refuseLastAdmin, wouldLeaveNoAdminWithoutRole } from "@/lib/accounts/admins";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { ok, refuse, type Result } from "@/lib/result";

export const ROLE_NAME_MAX = 60;

export const roleNameSchema = z.string().trim().min(1, "Enter a name").max(ROLE_NAME_MAX, `At most ${ROLE_NAME_MAX} characters`);

export const roleRightsSchema = z.object({
  areas: z.array(z.enum(ROLE_AREAS)).max(ROLE_AREAS.length),
  limitsStatuses: z.boolean(),
  // Bounded: a shop has tens of statuses and a few order types, not thousands of each.
  rights: z.array(z.object({ orderTypeId: z.number().int().positive(), statusId: z.number().int().positive() })).max(5_000),
});

export const roleUpdateSchema = roleRightsSchema.extend({ name: roleNameSchema.optional() });

export type RoleRights = z.infer<typeof roleRightsSchema>;
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;
export type RoleSummary = Role & { members: number; /** Distinct statuses listed in any order type. */ statuses: number };

/** Every role with how many people have it and how many statuses it lists: the built-in ones first, then the shop's own by name. */
export async function listRoles(db: DbOrTx): Promise<RoleSummary[]> {
  const [rows, listed] = await Promise.all([
    db
      .select({ role: roles, members: count(users.id) })
      .from(roles)
      .leftJoin(users, eq(users.roleId, roles.id))
      .groupBy(roles.id)
      .orderBy(sql`${roles.builtIn} is null`, asc(roles.builtIn), asc(sql`lower(${roles.name})`)),
    db
      .select({ roleId: roleStatusRights.roleId, statuses: countDistinct(roleStatusRights.statusId) })
      .from(roleStatusRights)
      .groupBy(roleStatusRights.roleId),
  ]);
  const statusesOf = new Map(listed.map((r) => [r.roleId, Number(r.statuses)]));
  return rows.map((r) => ({ ...r.role, members: Number(r.members), statuses: statusesOf.get(r.role.id) ?? 0 }));
}

export async function getRole(db: DbOrTx, id: number): Promise<{ role: Role; rights: { orderTypeId: number; statusId: number }[] } | undefined> {
  const [role] = await db.select().from(roles).where(eq(roles.id, id));
  if (!role) return undefined;
  const rights = await db
    .select({ orderTypeId: roleStatusRights.orderTypeId, statusId: roleStatusRights.statusId })
    .from(roleStatusRights)
    .where(eq(roleStatusRights.roleId, id));
  return { role, rights };
}

/**
 * A new role of the shop's own. It starts with no area beside the orders and no status it may
 * move orders into: an admin grants what the people in it need, rather than taking away what
 * they should not have.
 */
export async function createRole(db: DbOrTx, input: { name: string }, actor: AuditActor): Promise<Result<Role>> {
  const name = roleNameSchema.safeParse(input.name);
  if (!name.success) return refuse("validation_failed", "Enter a name for the role", { fieldErrors: { name: name.error.issues.map((i) => i.message) } });
  return inTransaction(db, async (tx) => {
    const taken = await nameTaken(tx, name.data);
    if (taken) return taken;
    const [role] = await tx.insert(roles).values({ name: name.data, areas: [], limitsStatuses: true }).returning();
    await recordAudit(tx, { actor, kind: "role", action: "created", subject: { id: role!.id, label: role!.name }, after: await snapshot(tx, role!) });
    return ok(role!);
  });
}

/**
 * Saves a role's name, areas and status rights at once. The built-in admin role cannot be changed
 * (so the shop always has someone who may do everything); the built-in staff role keeps its
 * name, which the catalogue gives in each language. A change applies at its members' next request.
 */
export async function updateRole(db: DbOrTx, id: number, raw: RoleUpdate, actor: AuditActor): Promise<Result<Role>> {
  const parsed = roleUpdateSchema.safeParse(raw);
  if (!parsed.success) return refuse("validation_failed", "The role's settings are not valid", { fieldErrors: { rights: parsed.error.issues.map((i) => i.message) } });
  const input = parsed.data;
  return inTransaction(db, async (tx) => {
    const [role] = await tx.select().from(roles).where(eq(roles.id, id)).for("update");
    if (!role) return refuse("not_found", `Role ${id} does not exist`);
    if (role.builtIn === "admin") return refuse("validation_failed", "The admin role may do everything and cannot be changed", { details: { reason: "role_built_in" } });
    const name = role.builtIn ? role.name : (input.name ?? role.name);
    if (name.toLowerCase() !== role.name.toLowerCase()) {
      const taken = await nameTaken(tx, name, id);
      if (taken) return taken;
    }
    const unknown = await unknownRights(tx, input.rights);
    if (unknown) return unknown;
    // The last people who may open the admin pages keep that right through their role too.
    if (role.areas.includes("admin") && !input.areas.includes("admin") && (await wouldLeaveNoAdminWithoutRole(tx, id))) return refuseLastAdmin();
    const before = await snapshot(tx, role);
    const [updated] = await tx
      .update(roles)
      .set({ name, areas: [...new Set(input.areas)] as RoleArea[], limitsStatuses: input.limitsStatuses })
      .where(eq(roles.id, id))
      .returning();
    await tx.delete(roleStatusRights).where(eq(roleStatusRights.roleId, id));
    if (input.rights.length > 0) await tx.insert(roleStatusRights).values(input.rights.map((r) => ({ roleId: id, ...r }))).onConflictDoNothing();
    const after = await snapshot(tx, updated!);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordAudit(tx, { actor, kind: "role", action: "updated", subject: { id, label: updated!.name }, before, after });
    }
    return ok(updated!);
  });
}

/** Deletes a role of the shop's own that nobody has; people are moved to another role first. */
export async function deleteRole(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<Role>> {
  return inTransaction(db, async (tx) => {
    const [role] = await tx.select().from(roles).where(eq(roles.id, id)).for("update");
    if (!role) return refuse("not_found", `Role ${id} does not exist`);
    if (role.builtIn) return refuse("validation_failed", "A built-in role cannot be deleted", { details: { reason: "role_built_in" } });
    const [{ members } = { members: 0 }] = await tx.select({ members: count() }).from(users).where(eq(users.roleId, id));
    if (Number(members) > 0) {
      return refuse("validation_failed", `${role.name} still has ${members} people: give them another role first`, {
        details: { reason: "role_in_use", name: role.name, members: Number(members) },
      });
    }
    const before = await snapshot(tx, role);
    await tx.delete(roles).where(eq(roles.id, id));
    await recordAudit(tx, { actor, kind: "role", action: "deleted", subject: { id, label: role.name }, before });
    return ok(role);
  });
}

async function nameTaken(tx: DbOrTx, name: string, exceptId?: number): Promise<Result<never> | undefined> {
  const clash = and(eq(sql`lower(${roles.name})`, name.toLowerCase()), exceptId === undefined ? undefined : ne(roles.id, exceptId));
  const [other] = await tx.select({ id: roles.id }).from(roles).where(clash);
  if (!other) return undefined;
  return refuse("validation_failed", `A role named ${name} already exists`, {
    fieldErrors: { name: [`A role named ${name} already exists`] },
    details: { reason: "role_name_taken", name },
  });
}

/** Rights naming an order type or a status that is not there (deleted meanwhile, or made up) refuse the whole save. */
async function unknownRights(tx: DbOrTx, rights: RoleRights["rights"]): Promise<Result<never> | undefined> {
  if (rights.length === 0) return undefined;
  const typeIds = [...new Set(rights.map((r) => r.orderTypeId))];
  const statusIds = [...new Set(rights.map((r) => r.statusId))];
  const [types, found] = await Promise.all([
    tx.select({ id: orderTypes.id }).from(orderTypes).where(inArray(orderTypes.id, typeIds)),
    tx.select({ id: statuses.id }).from(statuses).where(inArray(statuses.id, statusIds)),
  ]);
  if (types.length === typeIds.length && found.length === statusIds.length) return undefined;
  return refuse("validation_failed", "A status or order type in the rights no longer exists: reload the page", { fieldErrors: { rights: ["unknown status or order type"] } });
}

/** A role as the audit trail keeps it: rights named by order type and status code, which outlive ids in a reader's mind. */
async function snapshot(tx: DbOrTx, role: Role): Promise<Record<string, unknown>> {
  const rights = await tx
    .select({ type: orderTypes.code, status: statuses.code })
    .from(roleStatusRights)
    .innerJoin(orderTypes, eq(orderTypes.id, roleStatusRights.orderTypeId))
    .innerJoin(statuses, eq(statuses.id, roleStatusRights.statusId))
    .where(eq(roleStatusRights.roleId, role.id))
    .orderBy(asc(orderTypes.code), asc(statuses.code));
  return {
    name: role.name,
    areas: [...role.areas].sort(),
    limitsStatuses: role.limitsStatuses,
    statuses: role.limitsStatuses ? rights.map((r) => `${r.type}: ${r.status}`) : "all",
  };
}
