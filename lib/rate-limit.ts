/**
 * A sliding-window limiter kept in this process's memory: enough for one app instance. Several
 * instances behind a load balancer each count on their own (see docs/decisions.md).
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();
  return {
    /** Records an attempt; refused when `limit` attempts were already made in the window. */
    hit(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: recent[0]! + options.windowMs - t };
      }
      recent.push(t);
      hits.set(key, recent);
      // Forget idle clients now and then so the map does not grow without bound.
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((at) => at <= t - options.windowMs)) hits.delete(k);
      return { allowed: true };
    },
  };
}
