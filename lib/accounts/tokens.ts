import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { userTokens, type UserToken, type UserTokenPurpose } from "@/db/schema";

/** 32 random bytes, base64url: 256 bits nobody guesses. Only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A link's token as it arrives in a URL: base64url of 32 bytes, 43 characters; anything else opens nothing. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Issues a one-time token for a person and purpose. Older unused tokens of the same purpose are
 * voided in the same statement batch: only the newest link works.
 */
export async function issueToken(
  tx: DbOrTx,
  input: { userId: number; purpose: UserTokenPurpose; lifetimeMs: number; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await voidTokens(tx, input.userId, input.purpose, now);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + input.lifetimeMs);
  await tx.insert(userTokens).values({ userId: input.userId, purpose: input.purpose, tokenHash: hashToken(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** Voids every unused token of a person (of one purpose, or all): the links open nothing any more. */
export async function voidTokens(tx: DbOrTx, userId: number, purpose?: UserTokenPurpose, now = new Date()): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt), purpose ? eq(userTokens.purpose, purpose) : undefined));
}

export type TokenState = { state: "usable"; token: UserToken } | { state: "used" | "expired"; token: UserToken } | { state: "unknown" };

/** What a link is now, without using it: for the page that shows the form or says why not. */
export async function inspectToken(db: DbOrTx, token: string, now = new Date()): Promise<TokenState> {
  if (!isTokenShaped(token)) return { state: "unknown" };
  const [row] = await db.select().from(userTokens).where(eq(userTokens.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used", token: row };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", token: row };
  return { state: "usable", token: row };
}

/**
 * Uses a token: marks it used if it is unused and unexpired, in one statement, so two requests
 * with the same link cannot both succeed. Call it inside the transaction that sets the password:
 * if that rolls back, the link still works.
 */
export async function consumeToken(tx: DbOrTx, token: string, now = new Date()): Promise<UserToken | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .returning();
  return row;
}

/** A person's newest token (any state): says whether they were invited or sent a reset. */
export async function latestTokenOf(db: DbOrTx, userId: number): Promise<UserToken | undefined> {
  const [row] = await db.select().from(userTokens).where(eq(userTokens.userId, userId)).orderBy(desc(userTokens.id)).limit(1);
  return row;
}
