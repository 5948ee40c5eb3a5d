import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users, type User } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";

/**
 * The user whose email and password match, or undefined. Disabled users cannot sign in. Every
 * attempt runs one bcrypt comparison, against a dummy hash when there is no usable account.
 */
export async function verifyCredentials(
  db: DbOrTx,
  email: string,
  password: string,
): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const usable = user && !user.disabledAt ? user : undefined;
  const matches = await verifyPassword(password, usable?.passwordHash ?? DUMMY_PASSWORD_HASH);
  // No password yet (invited) or cleared (a reset was required): nothing signs in, as if it were wrong.
  return usable && usable.passwordHash !== null && matches ? usable : undefined;
}

export async function findActiveUser(db: DbOrTx, id: number): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user && !user.disabledAt ? user : undefined;
}
