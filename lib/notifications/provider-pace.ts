import { and, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rateLimitCounters } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import type { EmailProvider } from "./providers/types";

/**
 * A provider's rate limit, shared by every process that delivers the outbox (ADR 0156). Resend
 * counts requests per team, whatever the number of app instances and `npm run worker` processes
 * sending for it, so the pace is kept in the database: one row of `rate_limit_counters`, key
 * `provider:<name>`, whose `window_start` holds the earliest time the provider's next request may
 * leave. A request takes that time (or now, if it has passed) and moves it on by 1/rate: requests
 * leave at least 1/rate apart, so no second holds more than the rate, across every worker.
 */
const keyOf = (provider: string) => `provider:${provider}`;

/** When this request may leave, or, if the provider is taken for longer than `horizonMs`, for how long. */
export type ProviderTurn = { waitMs: number } | { busyForMs: number };

// A lost reservation after a crash costs one request's spacing; a flush to disk per request costs
// more, so the statement's commit does not wait for it (as the other rate limits' counts do).
const lazyCommit = sql`set_config('synchronous_commit', 'off', true) is not null`;

export async function takeProviderTurn(
  db: DbOrTx,
  provider: string,
  { requestsPerSecond, horizonMs }: { requestsPerSecond: number; horizonMs: number },
): Promise<ProviderTurn> {
  const key = keyOf(provider);
  const step = sql`make_interval(secs => ${1 / requestsPerSecond})`;
  const next = rateLimitCounters.windowStart;
  for (let attempt = 0; attempt < 2; attempt++) {
    const [taken] = await db
      .update(rateLimitCounters)
      .set({ windowStart: sql`greatest(${next}, clock_timestamp()) + ${step}` })
      .where(and(eq(rateLimitCounters.key, key), lte(next, sql`clock_timestamp() + make_interval(secs => ${horizonMs / 1000})`), lazyCommit))
      // RETURNING sees the moved time: this request's turn is one step before it.
      .returning({ waitMs: sql<number>`extract(epoch from ${next} - ${step} - clock_timestamp()) * 1000`.mapWith(Number) });
    if (taken) return { waitMs: Math.max(0, taken.waitMs) };

    const [row] = await db
      .select({ aheadMs: sql<number>`extract(epoch from ${next} - clock_timestamp()) * 1000`.mapWith(Number) })
      .from(rateLimitCounters)
      .where(eq(rateLimitCounters.key, key));
    if (row) return { busyForMs: Math.max(1, row.aheadMs - horizonMs) };
    await createPaceRow(db, key);
  }
  throw new Error(`no pace row for ${key}`);
}

/**
 * The provider's first request (or its first after a day unused: the worker purges counts a day
 * old) makes its row. Under a lock, so two workers starting at once make one row, not two.
 */
async function createPaceRow(db: DbOrTx, key: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const [exists] = await tx.select({ key: rateLimitCounters.key }).from(rateLimitCounters).where(eq(rateLimitCounters.key, key));
    if (!exists) await tx.insert(rateLimitCounters).values({ key, windowStart: sql`clock_timestamp()`, hits: 1 });
  });
}

/**
 * The provider with its rate limit kept: each request waits for its turn, taken just before it
 * leaves (a turn taken earlier and used late would let the next one follow too closely). When
 * the turns are taken further ahead than `horizonMs` (more sends waiting, across every worker,
 * than the rate clears while a claim lasts), nothing is sent and the row goes back to the queue
 * for that long, without counting as an attempt. A provider without a limit is returned as it is.
 */
export function pacedEmailProvider(db: DbOrTx, provider: EmailProvider, { horizonMs }: { horizonMs: number }): EmailProvider {
  const requestsPerSecond = provider.requestsPerSecond;
  if (!requestsPerSecond) return provider;
  /** Runs one request in its turn; when the turns are taken too far ahead, answers "not sent" instead. */
  const inTurn = async <T>(request: () => Promise<T>): Promise<T | { ok: false; retryable: true; notSent: true; error: string; retryAfterMs: number }> => {
    const turn = await takeProviderTurn(db, provider.name, { requestsPerSecond, horizonMs });
    if ("busyForMs" in turn) return { ok: false, retryable: true, notSent: true, error: `${provider.name}: rate limit taken`, retryAfterMs: turn.busyForMs };
    if (turn.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, turn.waitMs));
    return request();
  };
  const { sendBatch } = provider;
  return {
    ...provider,
    sendEmail: (message) => inTurn(() => provider.sendEmail(message)),
    // A batch is one request: one turn, however many emails it carries.
    ...(sendBatch ? { sendBatch: (messages, key) => inTurn(() => sendBatch(messages, key)) } : {}),
  };
}
