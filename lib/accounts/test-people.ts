import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, roles, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { openSealedLink, type AccountEmailPayload } from "@/lib/notifications/account-email";
import { builtInRoleId } from "@/lib/roles/built-in";

/** People for the database tests of lib/accounts: with a password, a role, optionally disabled. */
export async function addPerson(db: Db, input: { email: string; role: "admin" | "staff" | number; password?: string | null; disabled?: boolean }) {
  const roleId = typeof input.role === "number" ? input.role : await builtInRoleId(db, input.role);
  const [row] = await db
    .insert(users)
    .values({
      email: input.email,
      name: input.email.split("@")[0]!,
      roleId,
      passwordHash: input.password === null ? null : await hashPassword(input.password ?? "a-long-password-1"),
      disabledAt: input.disabled ? new Date() : null,
    })
    .returning();
  return row!;
}

export async function customRole(db: Db, name: string, areas: ("scan" | "analytics" | "admin")[] = []) {
  const [row] = await db.insert(roles).values({ name, areas }).returning();
  return row!.id;
}

/** The link inside the newest account email queued for `email`, opened as the worker would. */
export async function linkEmailedTo(db: Db, email: string): Promise<{ link: string; token: string; payload: AccountEmailPayload }> {
  const rows = await db.select().from(outbox).where(eq(outbox.recipient, email));
  const last = rows.sort((a, b) => b.id - a.id)[0];
  if (!last) throw new Error(`no email queued for ${email}`);
  const payload = last.payload as AccountEmailPayload;
  const link = openSealedLink(payload.sealedLink);
  return { link, token: link.split("/").pop()!, payload };
}
