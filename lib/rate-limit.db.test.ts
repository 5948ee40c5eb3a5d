import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle, DbOrTx } from "@/db";
import { rateLimitCounters } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { createRateLimiter, purgeRateLimitCounters } from "./rate-limit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

describe("the database rate limiter", () => {
  it("shares its counts between instances (two app processes), then lets the client back in when the window ends", async () => {
    let t = Date.UTC(2026, 0, 1, 10, 0, 0);
    const options = { name: "shared", limit: 3, windowMs: 60_000, now: () => t };
    const first = createRateLimiter(options);
    const second = createRateLimiter(options);
    expect((await first.hit(handle.db, "203.0.113.1")).allowed).toBe(true);
    expect((await second.hit(handle.db, "203.0.113.1")).allowed).toBe(true);
    expect((await first.hit(handle.db, "203.0.113.1")).allowed).toBe(true);
    t += 10_000;
    expect(await second.hit(handle.db, "203.0.113.1")).toEqual({ allowed: false, retryAfterMs: 50_000 });
    // Another client, and another limiter's namespace, count on their own.
    expect((await second.hit(handle.db, "203.0.113.2")).allowed).toBe(true);
    expect((await createRateLimiter({ ...options, name: "other" }).hit(handle.db, "203.0.113.1")).allowed).toBe(true);
    t += 50_000;
    expect(await first.hit(handle.db, "203.0.113.1")).toEqual({ allowed: true });
  });

  it("counts concurrent hits exactly: no more than the limit get through", async () => {
    const limiter = createRateLimiter({ name: "burst", limit: 5, windowMs: 60_000 });
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(handle.db, "203.0.113.3")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it("unhit takes one attempt back in the window it was counted in, and reset forgets the window", async () => {
    let t = Date.UTC(2026, 0, 1, 11, 0, 30);
    const limiter = createRateLimiter({ name: "unhit", limit: 1, windowMs: 60_000, now: () => t });
    const at = t;
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(true);
    await limiter.unhit(handle.db, "k", at);
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(true);
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(false);
    // Taking back an attempt of an earlier window leaves this window's count alone.
    t += 60_000;
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(true);
    await limiter.unhit(handle.db, "k", at);
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(false);
    await limiter.reset(handle.db, "k");
    expect((await limiter.hit(handle.db, "k")).allowed).toBe(true);
  });

  it("the worker's purge drops windows over a day old and keeps current ones", async () => {
    const now = new Date();
    await handle.db.insert(rateLimitCounters).values({ key: "old:x", windowStart: new Date(now.getTime() - 25 * 3_600_000), hits: 9 });
    await createRateLimiter({ name: "fresh", limit: 1, windowMs: 60_000 }).hit(handle.db, "x");
    expect(await purgeRateLimitCounters(handle.db, now)).toBeGreaterThanOrEqual(1);
    const keys = (await handle.db.select().from(rateLimitCounters)).map((r) => r.key);
    expect(keys).not.toContain("old:x");
    expect(keys).toContain("fresh:x");
  });

  it("counts with a commit that does not wait for the disk, but never makes a caller's transaction lazy", async () => {
    const limiter = createRateLimiter({ name: "lazy", limit: 5, windowMs: 60_000 });
    const setting = (db: DbOrTx) => db.select({ value: sql<string>`current_setting('synchronous_commit')` }).from(rateLimitCounters).limit(1);
    // On its own: the setting lasts for the counting statement's transaction only.
    expect(await limiter.count(handle.db, "x")).toMatchObject({ allowed: true, limit: 5, remaining: 4 });
    expect(await setting(handle.db)).toEqual([{ value: "on" }]);
    // Inside a transaction: counted there, and that transaction still commits to the disk.
    const inside = await handle.db.transaction(async (tx) => {
      await limiter.count(tx, "x");
      return setting(tx);
    });
    expect(inside).toEqual([{ value: "on" }]);
    expect((await limiter.count(handle.db, "x")).remaining).toBe(2);
  });
});
