import { env } from "@/lib/env";
import { createRateLimiter, type RateLimitCount, type RateLimiter } from "@/lib/rate-limit";

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
