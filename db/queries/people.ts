import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { roles, users, userTokens } from "@/db/schema";
import { personState } from "@/lib/accounts/state";

/** Everyone with a login, by name, with their role, state and last sign-in, for /admin/users. */
export async function listPeople(db: DbOrTx, now = new Date()) {
  const latest = db
    .selectDistinctOn([userTokens.userId], {
      userId: userTokens.userId,
      purpose: userTokens.purpose,
      expiresAt: userTokens.expiresAt,
      usedAt: userTokens.usedAt,
    })
    .from(userTokens)
    .orderBy(userTokens.userId, desc(userTokens.id))
    .as("latest");
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
      role: { id: roles.id, name: roles.name, builtIn: roles.builtIn, areas: roles.areas },
      token: { purpose: latest.purpose, expiresAt: latest.expiresAt, usedAt: latest.usedAt },
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(latest, eq(latest.userId, users.id))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return rows.map(({ token, ...row }) => ({
    ...row,
    state: personState(row, token?.purpose ? { purpose: token.purpose, expiresAt: token.expiresAt, usedAt: token.usedAt } : null, now),
  }));
}

export type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];

/** The roles a person can be given, built-in first. */
export async function listRoleChoices(db: DbOrTx) {
  return db
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, areas: roles.areas })
    .from(roles)
    .orderBy(sql`${roles.builtIn} is null`, asc(roles.builtIn), asc(sql`lower(${roles.name})`));
}

/** Whether anyone has an account yet: the sign-in page explains how to create the first admin when not. */
export async function hasAnyUser(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}
