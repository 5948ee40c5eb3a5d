import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users, type User } from "@/db/schema";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";
import { verifyCredentials } from "./users";

const defaultThrottle = createSignInThrottle();

/** Refusals as values, with their own codes: they never reach the API's error catalogue. */
export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; code: "throttled"; retryAfterSeconds: number }
  | { ok: false; code: "wrong_credentials" };

/**
 * One sign-in attempt: counted against the account and the address first, refused when that
 * goes over a limit (before the password is looked at, so a guess teaches nothing), otherwise the
 * password checked; a success takes its count back. A wrong email and a wrong password get one
 * answer.
 */
export async function attemptSignIn(
  db: DbOrTx,
  attempt: { email: string; password: string; address: string },
  throttle: SignInThrottle = defaultThrottle,
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const claim = await throttle.claim(db, { email, address: attempt.address });
  if (!claim.allowed) {
    return { ok: false, code: "throttled", retryAfterSeconds: Math.ceil(claim.retryAfterMs / 1000) };
  }
  const user = await verifyCredentials(db, email, attempt.password);
  if (!user) return { ok: false, code: "wrong_credentials" };
  await Promise.all([
    throttle.recordSuccess(db, { email, address: attempt.address }, claim.at),
    // Shown on /admin/users; it also tells an invited person who never came from one who did.
    db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)),
  ]);
  return { ok: true, user };
}
