import { and, eq, like } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { outbox, users, type User } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { endAllSessionsOf } from "@/lib/auth/sessions";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { refuseLastAdmin, wouldLeaveNoAdmin } from "./admins";
import { auditView, recordUserAudit, roleOf, type AccountActor } from "./audit";
import { queueAccountEmail } from "./email";
import { TOKEN_LIFETIME_MS, type FieldProblem } from "./rules";
import { issueToken, latestTokenOf, voidTokens } from "./tokens";

const fieldRefusal = (field: string, problem: FieldProblem) => validationFailed([{ path: [field], message: problem }]);

const noSuchPerson = () => refuse("not_found", "No such person.");

async function lockUser(tx: Tx, userId: number): Promise<User | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  return user;
}

/**
 * A new person without a password (they set one through a link). The email is stored lower-cased;
 * one already in use is refused on its field, as is a role that does not exist.
 */
export async function createUser(db: DbOrTx, input: { email: string; name: string; roleId: number }): Promise<Result<User>> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  return inTransaction(db, async (tx) => {
    if (!(await roleOf(tx, input.roleId))) return fieldRefusal("roleId", "role");
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) return fieldRefusal("email", "emailTaken");
    // Two invitations of one address at the same moment: the unique index decides, one is refused.
    const [user] = await tx.insert(users).values({ email, name, roleId: input.roleId }).onConflictDoNothing({ target: users.email }).returning();
    return user ? ok(user) : fieldRefusal("email", "emailTaken");
  });
}

/** Creates the person and emails them a link to set their password, valid for 7 days. */
export async function inviteUser(
  db: DbOrTx,
  input: { email: string; name: string; roleId: number; actor: AccountActor },
): Promise<Result<{ user: User; expiresAt: Date }>> {
  return inTransaction(db, async (tx) => {
    const created = await createUser(tx, input);
    if (!created.ok) return created;
    const user = created.value;
    const { token, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "invitation", lifetimeMs: TOKEN_LIFETIME_MS.invitation });
    await queueAccountEmail(tx, { user, kind: "invitation", token, expiresAt, invitedBy: input.actor.label });
    const role = await roleOf(tx, user.roleId);
    await recordUserAudit(tx, { actor: input.actor, action: "invited", user, after: { ...auditView(user, role), expiresAt } });
    return ok({ user, expiresAt });
  });
}

/** An invited person who has not set a password yet: the newest link they were sent is an invitation. */
async function isOpenInvitation(tx: DbOrTx, user: User): Promise<boolean> {
  if (user.passwordHash !== null || user.lastSignInAt !== null) return false;
  return (await latestTokenOf(tx, user.id))?.purpose === "invitation";
}

/** A fresh invitation link (7 days more); the one sent before stops working. */
export async function resendInvitation(db: DbOrTx, input: { userId: number; actor: AccountActor }): Promise<Result<{ user: User; expiresAt: Date }>> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user || user.disabledAt || !(await isOpenInvitation(tx, user))) return noSuchPerson();
    const { token, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "invitation", lifetimeMs: TOKEN_LIFETIME_MS.invitation });
    await queueAccountEmail(tx, { user, kind: "invitation", token, expiresAt, invitedBy: input.actor.label });
    await recordUserAudit(tx, { actor: input.actor, action: "invitation_resent", user, after: { expiresAt } });
    return ok({ user, expiresAt });
  });
}

/**
 * Takes an invitation back: the invited person, who never set a password or signed in, is
 * removed with their links (ADR 0125), and an invitation email still waiting in the outbox is not
 * sent. The audit entry keeps who was invited.
 */
export async function revokeInvitation(db: DbOrTx, input: { userId: number; actor: AccountActor }): Promise<Result<{ user: User }>> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user || !(await isOpenInvitation(tx, user))) return noSuchPerson();
    const role = await roleOf(tx, user.roleId);
    await tx
      .update(outbox)
      .set({ state: "dead", lastError: "invitation revoked before it was sent" })
      .where(and(like(outbox.idempotencyKey, `account:${user.id}:%`), eq(outbox.state, "pending")));
    await tx.delete(users).where(eq(users.id, user.id));
    await recordUserAudit(tx, { actor: input.actor, action: "invitation_revoked", user, before: auditView(user, role) });
    return ok({ user });
  });
}

/**
 * Gives a person another role. Their open sessions end (they sign in again under the new role);
 * the shop's last active admin cannot be moved out of the admins.
 */
export async function changeRole(db: DbOrTx, input: { userId: number; roleId: number; actor: AccountActor }): Promise<Result<{ user: User; changed: boolean }>> {
  return inTransaction(db, async (tx) => {
    const role = await roleOf(tx, input.roleId);
    if (!role) return fieldRefusal("roleId", "role");
    const user = await lockUser(tx, input.userId);
    if (!user) return noSuchPerson();
    if (user.roleId === role.id) return ok({ user, changed: false });
    if (!role.areas.includes("admin") && (await wouldLeaveNoAdmin(tx, user.id))) return refuseLastAdmin();
    const before = await roleOf(tx, user.roleId);
    const [updated] = await tx.update(users).set({ roleId: role.id }).where(eq(users.id, user.id)).returning();
    await endAllSessionsOf(tx, user.id);
    await recordUserAudit(tx, { actor: input.actor, action: "role_changed", user, before: { role: before?.name, roleId: before?.id }, after: { role: role.name, roleId: role.id } });
    return ok({ user: updated!, changed: true });
  });
}

/** Disables a person: their sessions end at their next request and their links stop working. */
export async function disableUser(db: DbOrTx, input: { userId: number; actor: AccountActor; now?: Date }): Promise<Result<{ user: User }>> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user) return noSuchPerson();
    if (user.disabledAt) return ok({ user });
    if (await wouldLeaveNoAdmin(tx, user.id)) return refuseLastAdmin();
    const now = input.now ?? new Date();
    const [updated] = await tx.update(users).set({ disabledAt: now }).where(eq(users.id, user.id)).returning();
    await voidTokens(tx, user.id, undefined, now);
    await endAllSessionsOf(tx, user.id, now);
    await recordUserAudit(tx, { actor: input.actor, action: "disabled", user, before: { disabled: false }, after: { disabled: true } });
    return ok({ user: updated! });
  });
}

/** Lets a disabled person in again, with the password they had (or a new link, if they had none). */
export async function enableUser(db: DbOrTx, input: { userId: number; actor: AccountActor }): Promise<Result<{ user: User }>> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user) return noSuchPerson();
    if (!user.disabledAt) return ok({ user });
    const [updated] = await tx.update(users).set({ disabledAt: null }).where(eq(users.id, user.id)).returning();
    await recordUserAudit(tx, { actor: input.actor, action: "enabled", user, before: { disabled: true }, after: { disabled: false } });
    return ok({ user: updated! });
  });
}

/**
 * Makes a person choose a new password: the old one stops working at once, their sessions end,
 * and they are emailed a link (valid 1 hour; "forgot password" sends another). Not for the
 * shop's last active admin.
 */
export async function requirePasswordReset(db: DbOrTx, input: { userId: number; actor: AccountActor }): Promise<Result<{ user: User; expiresAt: Date }>> {
  return inTransaction(db, async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user || user.disabledAt || user.passwordHash === null) return noSuchPerson();
    if (await wouldLeaveNoAdmin(tx, user.id)) return refuseLastAdmin();
    const [updated] = await tx.update(users).set({ passwordHash: null }).where(eq(users.id, user.id)).returning();
    await endAllSessionsOf(tx, user.id);
    const { token, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "password_reset", lifetimeMs: TOKEN_LIFETIME_MS.passwordReset });
    await queueAccountEmail(tx, { user, kind: "password_reset", token, expiresAt });
    await recordUserAudit(tx, { actor: input.actor, action: "password_reset_required", user, after: { expiresAt } });
    return ok({ user: updated!, expiresAt });
  });
}

