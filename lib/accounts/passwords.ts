import { and, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { authSessions, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessionsOf } from "@/lib/auth/sessions";
import { createRateLimiter } from "@/lib/rate-limit";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { recordUserAudit } from "./audit";
import { queueAccountEmail } from "./email";
import { NAME_MAX_LENGTH, TOKEN_LIFETIME_MS, type FieldProblem } from "./rules";
import { consumeToken, issueToken, voidTokens } from "./tokens";

const fieldRefusal = (field: string, problem: FieldProblem) => validationFailed([{ path: [field], message: problem }]);

/**
 * Sets a password through a one-time link (invitation, first admin, reset). The token is used in
 * the same transaction that stores the password: a link works once, and a failure leaves it
 * working. Every other link of the person stops working and every open session ends.
 */
export async function setPasswordByToken(db: DbOrTx, input: { token: string; password: string; now?: Date }): Promise<Result<{ email: string }>> {
  // bcrypt takes ~100 ms: outside the transaction, which then holds its locks only for the writes.
  const passwordHash = await hashPassword(input.password);
  const now = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const used = await consumeToken(tx, input.token, now);
    if (!used) return refuse("not_found", "This link has been used, replaced or has expired.");
    const [user] = await tx.select().from(users).where(eq(users.id, used.userId)).for("update");
    if (!user || user.disabledAt) return refuse("not_found", "This link has been used, replaced or has expired.");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await voidTokens(tx, user.id, undefined, now);
    await endAllSessionsOf(tx, user.id, now);
    await recordUserAudit(tx, {
      actor: { type: "user", id: String(user.id), label: user.name },
      action: "password_set",
      user,
      after: { through: used.purpose },
    });
    return ok({ email: user.email });
  });
}

// Someone holding a signed-in browser must not be able to guess the password to change it.
const currentPasswordLimiter = createRateLimiter({ name: "password-change", limit: 5, windowMs: 15 * 60_000 });

/**
 * Changes one's own password: the current one is required (checked with the same cost whether or
 * not the account has one), five wrong tries in 15 minutes lock the form. Every other session of
 * the person ends; `keepSessionId`, the browser that asked, stays signed in.
 */
export async function changeOwnPassword(
  db: DbOrTx,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionId?: string },
): Promise<Result<{ sessionsEnded: number }>> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.disabledAt) return refuse("unauthorized", "Your session has ended. Please sign in again.");
  const verdict = await currentPasswordLimiter.hit(db, String(user.id));
  if (!verdict.allowed) return fieldRefusal("currentPassword", "tooManyTries");
  const matches = await verifyPassword(input.currentPassword, user.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!matches || user.passwordHash === null) return fieldRefusal("currentPassword", "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await voidTokens(tx, user.id, "password_reset");
    const sessionsEnded = input.keepSessionId
      ? (
          await tx
            .update(authSessions)
            .set({ endedAt: new Date() })
            .where(and(eq(authSessions.userId, user.id), isNull(authSessions.endedAt), ne(authSessions.id, input.keepSessionId)))
            .returning({ id: authSessions.id })
        ).length
      : await endAllSessionsOf(tx, user.id);
    await recordUserAudit(tx, { actor: { type: "user", id: String(user.id), label: user.name }, action: "password_set", user, after: { through: "account_page", sessionsEnded } });
    await currentPasswordLimiter.reset(tx, String(user.id));
    return ok({ sessionsEnded });
  });
}

/** Changes one's own display name (shown in the header, order histories from now on and the audit trail). */
export async function changeOwnName(db: DbOrTx, input: { userId: number; name: string }): Promise<Result<{ name: string }>> {
  const name = input.name.trim();
  if (!name || name.length > NAME_MAX_LENGTH) return fieldRefusal("name", "name");
  return inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!user || user.disabledAt) return refuse("unauthorized", "Your session has ended. Please sign in again.");
    if (user.name === name) return ok({ name });
    await tx.update(users).set({ name }).where(eq(users.id, user.id));
    await recordUserAudit(tx, { actor: { type: "user", id: String(user.id), label: name }, action: "name_changed", user, before: { name: user.name }, after: { name } });
    return ok({ name });
  });
}

export const FORGOT_PASSWORD_LIMITS = {
  perAddress: { limit: 10, windowMs: 15 * 60_000 },
  perEmail: { limit: 3, windowMs: 15 * 60_000 },
} as const;

export function createForgotPasswordThrottle(now: () => number = Date.now) {
  const addresses = createRateLimiter({ name: "forgot-password-address", ...FORGOT_PASSWORD_LIMITS.perAddress, now });
  const emails = createRateLimiter({ name: "forgot-password-email", ...FORGOT_PASSWORD_LIMITS.perEmail, now });
  return async (db: DbOrTx, email: string, address: string) => {
    const [a, e] = await Promise.all([addresses.hit(db, address), emails.hit(db, email)]);
    return a.allowed && e.allowed;
  };
}

const defaultForgotThrottle = createForgotPasswordThrottle();

/** How long every "forgot password" answer takes at least: longer than the work, so its length tells nothing. */
export const FORGOT_PASSWORD_FLOOR_MS = 400;

/**
 * "Forgot password": emails a link (valid 1 hour, replacing any earlier one) to an active account
 * with this address. The answer is the same, and takes about the same time, whether or not such
 * an account exists, and whether or not the request was over its limit (3 per address in 15
 * minutes, 10 per client): a throttled request quietly sends nothing.
 */
export async function requestPasswordReset(
  db: DbOrTx,
  input: { email: string; address: string; floorMs?: number; throttle?: ReturnType<typeof createForgotPasswordThrottle> },
): Promise<Result<{ sent: "if_the_account_exists" }>> {
  const started = Date.now();
  const email = input.email.trim().toLowerCase();
  const allowed = await (input.throttle ?? defaultForgotThrottle)(db, email, input.address);
  if (allowed) {
    await inTransaction(db, async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.email, email));
      if (!user || user.disabledAt) return;
      const { token, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "password_reset", lifetimeMs: TOKEN_LIFETIME_MS.passwordReset });
      await queueAccountEmail(tx, { user, kind: "password_reset", token, expiresAt });
    });
  }
  const wait = (input.floorMs ?? FORGOT_PASSWORD_FLOOR_MS) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return ok({ sent: "if_the_account_exists" });
}
