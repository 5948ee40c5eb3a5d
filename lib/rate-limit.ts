import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rateLimitCounters } from "@/db/schema";

/** No limiter may use a longer window: the worker drops windows that ended this long ago. */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A fixed-window limiter counted in the database (`rate_limit_counters`), so every app instance
 * sees the same attempts. One upsert ... returning per hit: the count is atomic without a
 * transaction or a lock held across requests. Fixed windows can let up to twice `limit` through
 * around a window's edge; for lookups and sign-ins that is still far too few to guess with.
 */
export function createRateLimiter(options: { name: string; limit: number; windowMs: number; now?: () => number }) {
  if (options.windowMs > RATE_LIMIT_MAX_WINDOW_MS) throw new Error(`rate limit window over ${RATE_LIMIT_MAX_WINDOW_MS} ms`);
  const now = options.now ?? Date.now;
  const windowOf = (t: number) => {
    const start = Math.floor(t / options.windowMs) * options.windowMs;
    return { start: new Date(start), retryAfterMs: start + options.windowMs - t };
  };
  const keyOf = (key: string) => `${options.name}:${key}`;
  const verdict = (hits: number, retryAfterMs: number): RateLimitVerdict =>
    hits <= options.limit ? { allowed: true } : { allowed: false, retryAfterMs };

  return {
    /** Records an attempt; refused when `limit` attempts were already made in this window. */
    async hit(db: DbOrTx, key: string, at = now()): Promise<RateLimitVerdict> {
      const window = windowOf(at);
      const [row] = await db
        .insert(rateLimitCounters)
        .values({ key: keyOf(key), windowStart: window.start, hits: 1 })
        .onConflictDoUpdate({
          target: [rateLimitCounters.key, rateLimitCounters.windowStart],
          set: { hits: sql`${rateLimitCounters.hits} + 1` },
        })
        .returning({ hits: rateLimitCounters.hits });
      return verdict(row!.hits, window.retryAfterMs);
    },
    /**
     * Takes back one attempt counted by `hit` at `at` (an attempt that turned out not to count,
     * e.g. a sign-in that succeeded), in the window it was counted in.
     */
    async unhit(db: DbOrTx, key: string, at: number): Promise<void> {
      await db
        .update(rateLimitCounters)
        .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
        .where(and(eq(rateLimitCounters.key, keyOf(key)), eq(rateLimitCounters.windowStart, windowOf(at).start)));
    },
    /** Forgets this window's attempts (a person who finally got it right starts afresh). */
    async reset(db: DbOrTx, key: string): Promise<void> {
      await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, keyOf(key)));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Drops the counts of windows that ended long ago; run from the worker loop. */
export async function purgeRateLimitCounters(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS)))
    .returning({ key: rateLimitCounters.key });
  return rows.length;
}
