import type { DbOrTx } from "@/db";
import { roles, type User } from "@/db/schema";
import { eq } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/record";

/** Who changed an account: a signed-in person (`actorOf(user)`), the person themself, or the command line. */
export type AccountActor = { type: AuditActor["type"] | "automation"; id?: string | null; label: string };

export type UserAuditAction =
  | "invited"
  | "invitation_resent"
  | "invitation_revoked"
  | "role_changed"
  | "disabled"
  | "enabled"
  | "password_reset_required"
  | "password_set"
  | "name_changed";

/** What the audit trail keeps of a person: never a hash, never a token. */
export function auditView(user: Pick<User, "email" | "name" | "disabledAt">, role?: { id: number; name: string }) {
  return { email: user.email, name: user.name, ...(role ? { role: role.name, roleId: role.id } : {}), disabled: user.disabledAt !== null };
}

export async function roleOf(db: DbOrTx, roleId: number): Promise<{ id: number; name: string; builtIn: string | null; areas: string[] } | undefined> {
  const [row] = await db.select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, areas: roles.areas }).from(roles).where(eq(roles.id, roleId));
  return row;
}

export async function recordUserAudit(
  tx: DbOrTx,
  entry: { actor: AccountActor; action: UserAuditAction; user: Pick<User, "id" | "email" | "name">; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
): Promise<void> {
  await recordAudit(tx, {
    // No automation changes accounts; should one ever, the trail names it as Orderly itself.
    actor: { ...entry.actor, type: entry.actor.type === "automation" ? "system" : entry.actor.type },
    kind: "user",
    action: entry.action,
    subject: { id: entry.user.id, label: `${entry.user.name} <${entry.user.email}>` },
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
