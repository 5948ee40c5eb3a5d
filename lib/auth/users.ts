import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users, type User } from "@/db/schema";
import { verifyPassword } from "./password";

/** The user whose email and password match, or undefined. Disabled users cannot sign in. */
export async function verifyCredentials(
  db: DbOrTx,
  email: string,
  password: string,
): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user || user.disabledAt) return undefined;
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}

export async function findActiveUser(db: DbOrTx, id: number): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user && !user.disabledAt ? user : undefined;
}
