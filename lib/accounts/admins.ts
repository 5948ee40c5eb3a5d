import { and, arrayContains, eq, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { roles, users } from "@/db/schema";
import { refuse } from "@/lib/result";

/**
 * Whether taking `userId` out of the admins (disabled, another role, password cleared) would
 * leave the shop with nobody who can open the admin pages. An active admin is a person who is not
 * disabled, has a password, and whose role opens the admin area. The rows of every active admin
 * are locked first: two admins disabling each other at the same moment take turns, and the second
 * sees the first's change.
 */
export async function wouldLeaveNoAdmin(tx: Tx, userId: number): Promise<boolean> {
  const admins = await lockActiveAdmins(tx);
  return admins.length === 1 && admins[0]!.id === userId;
}

/** Whether taking the admin area from `roleId` would leave nobody who can open the admin pages (same locking as above). */
export async function wouldLeaveNoAdminWithoutRole(tx: Tx, roleId: number): Promise<boolean> {
  const admins = await lockActiveAdmins(tx);
  return admins.length > 0 && admins.every((admin) => admin.roleId === roleId);
}

/** Every active admin's row, locked, in id order (the same order for every caller, so none deadlocks). */
function lockActiveAdmins(tx: Tx) {
  return tx
    .select({ id: users.id, roleId: users.roleId })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(arrayContains(roles.areas, ["admin"]), isNull(users.disabledAt), isNotNull(users.passwordHash)))
    .orderBy(users.id)
    .for("update", { of: users });
}

export function refuseLastAdmin() {
  return refuse("last_admin", "This is the shop's last active admin: make someone else an admin first.");
}
