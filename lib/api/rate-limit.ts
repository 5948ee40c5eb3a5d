import { eq, getTableColumns, is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { apiKeys, type ApiKey } from "@/db/schema";
import { env } from "@/lib/env";
import { acceptApiKey, presentedKey, type ApiKeySummary } from "@/lib/integrations/api-keys";
import { countingInsert, createRateLimiter, LAZY_COMMIT, windowStartPlaceholder, type RateLimitCount, type RateLimiter } from "@/lib/rate-limit";
import type { Refusal } from "@/lib/result";

/**
 * The API's two limits, counted in the database so every instance shares them (ADR 0141): each
 * key's requests per window, and per client address the requests whose key was refused (a
 * guesser gets 429 instead of an answer per guess). Tests build their own with a small limit and
 * a clock of their own.
 */
export type ApiRateLimits = { perKey: RateLimiter; failedAuth: RateLimiter };

/** The policy names the headers carry (`RateLimit-Policy: "key";q=600;w=60`). */
export const API_RATE_POLICIES = { perKey: "key", failedAuth: "failed-auth" } as const;

const MINUTE_MS = 60_000;

export function createApiRateLimits(options: { perKey: number; failedAuth: number; windowMs?: number; now?: () => number }): ApiRateLimits {
  const windowMs = options.windowMs ?? MINUTE_MS;
  return {
    perKey: createRateLimiter({ name: "api-key", limit: options.perKey, windowMs, now: options.now }),
    failedAuth: createRateLimiter({ name: "api-failed-auth", limit: options.failedAuth, windowMs, now: options.now }),
  };
}

let fromEnv: ApiRateLimits | undefined;

/** The limits the environment sets (`API_RATE_LIMIT_PER_MINUTE`, `API_FAILED_AUTH_PER_MINUTE`). */
export function apiRateLimits(): ApiRateLimits {
  fromEnv ??= createApiRateLimits({ perKey: env().API_RATE_LIMIT_PER_MINUTE, failedAuth: env().API_FAILED_AUTH_PER_MINUTE });
  return fromEnv;
}

/** Whole seconds until the window ends, never 0: a client told "0" would retry at once and be refused again. */
export function secondsUntilReset(count: RateLimitCount): number {
  return Math.max(1, Math.ceil(count.resetAfterMs / 1000));
}

/**
 * The `RateLimit-Policy` and `RateLimit` fields of draft-ietf-httpapi-ratelimit-headers-10: a
 * structured-field list item per policy, a string naming it with the quota (`q`) and window in
 * seconds (`w`); then what is left of it (`r`) and seconds until it resets (`t`). Past the limit,
 * `Retry-After` (RFC 9110) as well.
 */
export function rateLimitHeaders(policy: string, limiter: RateLimiter, count: RateLimitCount): Record<string, string> {
  const reset = secondsUntilReset(count);
  const headers: Record<string, string> = {
    "ratelimit-policy": `"${policy}";q=${limiter.limit};w=${Math.round(limiter.windowMs / 1000)}`,
    ratelimit: `"${policy}";r=${count.remaining};t=${reset}`,
  };
  if (!count.allowed) headers["retry-after"] = String(reset);
  return headers;
}

type KeyAndCount = ApiKey & { hits: number | null };

/**
 * The key's row by its prefix and, in the same statement, the request counted against it when
 * the token's hash is that key's and it is not revoked (a wrong secret for a known prefix counts
 * nothing against the key). One round trip for both: every API request pays it.
 */
function keyAndCountStatement(name: string, lazyCommit: boolean) {
  const selection = { ...getTableColumns(apiKeys), hits: sql<number | null>`(select hits from api_request_count)` };
  return compileQuery<KeyAndCount[], { prefix: string; secretHash: string; counterPrefix: string; windowStart: Date }>(
    name,
    (db) => {
      const prefix = sql.placeholder("prefix");
      const counted = db.$with("api_request_count", { hits: sql<number>`hits` }).as(
        countingInsert(
          db,
          sql`select ${sql.placeholder("counterPrefix")} || ${apiKeys.id}, ${windowStartPlaceholder()}, 1 from ${apiKeys}${lazyCommit ? sql`, ${LAZY_COMMIT}` : sql``}
            where ${apiKeys.prefix} = ${prefix} and ${apiKeys.secretHash} = ${sql.placeholder("secretHash")} and ${apiKeys.revokedAt} is null`,
        ).getSQL(),
      );
      return db.with(counted).select(selection).from(apiKeys).where(eq(apiKeys.prefix, prefix));
    },
    selection,
  );
}

const keyAndCountOnItsOwn = keyAndCountStatement("api.keyAndCountOnItsOwn", true);
const keyAndCountInTransaction = keyAndCountStatement("api.keyAndCountInTransaction", false);

/**
 * Authenticates the bearer token and counts the request against its key's limit, in one round
 * trip: what `authenticateApiKey` and `limiter.count` would answer, without the second statement.
 */
export async function authenticateAndCount(
  db: DbOrTx,
  token: string,
  limiter: RateLimiter,
): Promise<{ ok: false; error: Refusal } | { ok: true; key: ApiKeySummary; count: RateLimitCount }> {
  const presented = presentedKey(token);
  const window = limiter.windowFor("");
  const statement = is(db, PgTransaction) ? keyAndCountInTransaction : keyAndCountOnItsOwn;
  // A token that cannot be a key is looked up nowhere; `acceptApiKey` refuses it like any other.
  const [row] = presented ? await statement(db, { ...presented, counterPrefix: window.key, windowStart: window.start }) : [];
  const auth = await acceptApiKey(db, token, row);
  if (!auth.ok) return auth;
  if (row?.hits === null || row?.hits === undefined) throw new Error("an accepted API key was not counted");
  return { ok: true, key: auth.value, count: limiter.countOf(row.hits, window) };
}
