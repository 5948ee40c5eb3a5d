import type { DbOrTx } from "@/db";
import { createRateLimiter, type RateLimitVerdict } from "@/lib/rate-limit";

/**
 * Failed sign-ins are counted per account (someone guessing one person's password from many
 * addresses) and per address (one machine trying many accounts). Over either limit, sign-in is
 * refused before the password is checked, until the window ends. The per-address limit is higher:
 * a shop's staff may share one office address.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 20, windowMs: 15 * 60_000 },
} as const;

type Attempt = { email: string; address: string };

/**
 * Every attempt claims its place in both counts before the password is looked at, in one atomic
 * increment each; a success gives its places back. Checking first and counting after the
 * password would let a burst of parallel guesses all pass the check before any was counted.
 */
export function createSignInThrottle(now: () => number = Date.now) {
  const accounts = createRateLimiter({ name: "sign-in-account", ...SIGN_IN_LIMITS.perAccount, now });
  const addresses = createRateLimiter({ name: "sign-in-address", ...SIGN_IN_LIMITS.perAddress, now });
  return {
    /** Counts the attempt; refused while either the account or the address is over its limit. */
    async claim(db: DbOrTx, attempt: Attempt): Promise<RateLimitVerdict & { at: number }> {
      const at = now();
      const verdicts = await Promise.all([accounts.hit(db, attempt.email, at), addresses.hit(db, attempt.address, at)]);
      const waits = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterMs]));
      return waits.length ? { allowed: false, retryAfterMs: Math.max(...waits), at } : { allowed: true, at };
    },
    /**
     * The person got in: the attempt was no failure, so the address gets its place back, and the
     * account's earlier typos no longer count against it.
     */
    async recordSuccess(db: DbOrTx, attempt: Attempt, claimedAt: number): Promise<void> {
      await Promise.all([accounts.reset(db, attempt.email), addresses.unhit(db, attempt.address, claimedAt)]);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
