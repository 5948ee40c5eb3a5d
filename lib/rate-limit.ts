import { and, eq, is, lt, sql, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { compileQuery, placeholderFor } from "@/db/compiled-query";
import { rateLimitCounters } from "@/db/schema";

/** No limiter may use a longer window: the worker drops windows that ended this long ago. */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One attempt counted, as a client is told about it: attempts left in the window, and when it ends. */
export type RateLimitCount = { allowed: boolean; limit: number; remaining: number; resetAfterMs: number };

export type RateLimitOptions = { name: string; limit: number; windowMs: number; now?: () => number };

/**
 * Makes the commit of the statement it is selected in skip the wait for the disk:
 * `set_config(..., true)` lasts until that statement's own transaction ends. Each count of a key
 * updates one row, whose lock is then held for microseconds, not a WAL flush. A crash may forget
 * the last fraction of a second of counts; a limit can spare them. Never inside a caller's
 * transaction, whose commit it would make lazy too.
 */
export const LAZY_COMMIT = sql`(select set_config('synchronous_commit', 'off', true)) as lazy_commit`;

/**
 * The count: one `insert ... on conflict do update ... returning hits` of the rows `source`
 * selects (key, window start, 1), atomic without a lock held between requests.
 */
export function countingInsert(db: DbOrTx, source: SQL) {
  return db
    .insert(rateLimitCounters)
    .select(source)
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
    })
    .returning({ hits: rateLimitCounters.hits });
}

export const windowStartPlaceholder = () => placeholderFor("windowStart", rateLimitCounters.windowStart);

function countStatement(name: string, lazyCommit: boolean) {
  return compileQuery<{ hits: number }[], { key: string; windowStart: Date }>(
    name,
    (db) => countingInsert(db, sql`select ${sql.placeholder("key")}, ${windowStartPlaceholder()}, 1${lazyCommit ? sql` from ${LAZY_COMMIT}` : sql``}`),
    { hits: rateLimitCounters.hits },
  );
}

// Every limiter counts with one of these; the API runs one on every request, so they are built once.
// Inside a caller's transaction the lazy commit would be the caller's too: there, the plain one.
const countOnItsOwn = countStatement("rateLimit.countOnItsOwn", true);
const countInTransaction = countStatement("rateLimit.countInTransaction", false);

/**
 * A fixed-window limiter counted in the database (`rate_limit_counters`), so every app instance
 * sees the same attempts. One upsert ... returning per hit: the count is atomic without a
 * transaction or a lock held across requests. Fixed windows can let up to twice `limit` through
 * around a window's edge; for lookups and sign-ins that is still far too few to guess with.
 */
export function createRateLimiter(options: RateLimitOptions) {
  if (options.windowMs > RATE_LIMIT_MAX_WINDOW_MS) throw new Error(`rate limit window over ${RATE_LIMIT_MAX_WINDOW_MS} ms`);
  const now = options.now ?? Date.now;
  const windowOf = (t: number) => {
    const start = Math.floor(t / options.windowMs) * options.windowMs;
    return { start: new Date(start), retryAfterMs: start + options.windowMs - t };
  };
  const keyOf = (key: string) => `${options.name}:${key}`;

  /** Where a count made at `at` under `key` goes: its row's key and window start, and when the window ends. */
  const windowFor = (key: string, at = now()) => {
    const window = windowOf(at);
    return { key: keyOf(key), start: window.start, resetAfterMs: window.retryAfterMs };
  };
  /** A count's row after the upsert, as the client is told it. */
  const countOf = (hits: number, window: { resetAfterMs: number }): RateLimitCount => ({
    allowed: hits <= options.limit,
    limit: options.limit,
    remaining: Math.max(options.limit - hits, 0),
    resetAfterMs: window.resetAfterMs,
  });

  /** Records an attempt and says where its window stands; past `limit` attempts it is not allowed. */
  async function count(db: DbOrTx, key: string, at = now()): Promise<RateLimitCount> {
    const window = windowFor(key, at);
    const statement = is(db, PgTransaction) ? countInTransaction : countOnItsOwn;
    const [row] = await statement(db, { key: window.key, windowStart: window.start });
    return countOf(row!.hits, window);
  }

  return {
    limit: options.limit,
    windowMs: options.windowMs,
    windowFor,
    countOf,
    count,
    /** Records an attempt; refused when `limit` attempts were already made in this window. */
    async hit(db: DbOrTx, key: string, at = now()): Promise<RateLimitVerdict> {
      const counted = await count(db, key, at);
      return counted.allowed ? { allowed: true } : { allowed: false, retryAfterMs: counted.resetAfterMs };
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
