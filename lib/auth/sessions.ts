import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { authSessions, roles, users, type Role, type User } from "@/db/schema";

/**
 * Server-side sessions behind the signed JWT cookie: the token names a row of `auth_sessions`,
 * and a request is signed in only while that row is open. Signing out, or ending all of a
 * person's sessions (disabled, new role or password), then holds for every copy of the cookie.
 */
export async function openAuthSession(db: DbOrTx, userId: number, maxAgeMs: number, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.insert(authSessions).values({ id, userId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeMs) });
  return id;
}

/** The active user of an open, unexpired session, with their role, or undefined. One query per request. */
export async function findSessionUser(
  db: DbOrTx,
  session: { id: string; userId: number },
  now = new Date(),
): Promise<{ user: User; role: Role } | undefined> {
  const [row] = await db
    .select({ user: users, role: roles })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(
        eq(authSessions.id, session.id),
        eq(authSessions.userId, session.userId),
        isNull(authSessions.endedAt),
        gt(authSessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

export async function endAuthSession(db: DbOrTx, id: string, now = new Date()): Promise<void> {
  await db.update(authSessions).set({ endedAt: now }).where(and(eq(authSessions.id, id), isNull(authSessions.endedAt)));
}

/** Signs a person out everywhere; returns how many sessions were still open. */
export async function endAllSessionsOf(db: DbOrTx, userId: number, now = new Date()): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ endedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  return ended.length;
}
