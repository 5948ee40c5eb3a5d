import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows `limit` attempts per window per client, then says when to come back", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([1, 2, 3].map(() => limiter.hit("a").allowed)).toEqual([true, true, true]);
    t = 10_000;
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.hit("b").allowed).toBe(true);
    t = 60_001;
    expect(limiter.hit("a").allowed).toBe(true);
  });
});
