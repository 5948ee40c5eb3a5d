import type { IncomingMessage } from "node:http";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { rateLimitCounters } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "@/lib/client-address";
import { createTestOrder, createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { createApiRateLimits } from "./rate-limit";
import { problemSchema } from "./schemas";
import { call, expectProblem, expectShape, keyFor } from "./test-support";

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
});
afterAll(async () => {
  await handle?.close();
});

/** A clock the test moves: 10:00:00 on a minute boundary, plus whatever the test adds. */
function clock(start = Date.UTC(2026, 0, 1, 10, 0, 0)) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** `RateLimit: "key";r=3;t=50` as its parts. */
function budget(header: string | null) {
  const match = /^"([\w-]+)";r=(\d+);t=(\d+)$/.exec(header ?? "");
  if (!match) throw new Error(`not a RateLimit field: ${header}`);
  return { policy: match[1], remaining: Number(match[2]), reset: Number(match[3]) };
}

/** The header a real server stamps with the socket's address (see lib/client-address). */
function fromAddress(address: string): Record<string, string> {
  const message = { headers: {}, socket: { remoteAddress: address } } as unknown as IncomingMessage;
  stampClientAddress(message, 0);
  return { [CLIENT_ADDRESS_HEADER]: String(message.headers[CLIENT_ADDRESS_HEADER]) };
}

describe("API rate limits per key", () => {
  it("puts RateLimit-Policy and a falling RateLimit on every answer, then refuses with 429 and Retry-After", async () => {
    const time = clock();
    const limits = createApiRateLimits({ perKey: 3, failedAuth: 100, now: time.now });
    const key = await keyFor(db, "read");
    const seen = [];
    // Successes and refusals alike count and carry the headers: a 404 and a 403 are answers too.
    for (const path of ["/statuses", "/orders/NOPE-1", "/workflow"]) {
      const res = await call(db, path === "/workflow" ? "PUT" : "GET", path, { key, limits, body: path === "/workflow" ? {} : undefined });
      expect(res.headers.get("ratelimit-policy")).toBe('"key";q=3;w=60');
      seen.push({ status: res.status, ...budget(res.headers.get("ratelimit")) });
      time.t += 1_000;
    }
    expect(seen).toEqual([
      { status: 200, policy: "key", remaining: 2, reset: 60 },
      { status: 404, policy: "key", remaining: 1, reset: 59 },
      { status: 403, policy: "key", remaining: 0, reset: 58 },
    ]);

    time.t += 7_500; // 10.5 s into the window
    const refused = await call(db, "GET", "/statuses", { key, limits });
    const problem = expectProblem(refused, 429, "rate_limited");
    expectShape(problemSchema, problem);
    expect(problem).toMatchObject({ limit: 3, windowSeconds: 60, retryAfter: 50 });
    expect(refused.headers.get("retry-after")).toBe("50");
    expect(budget(refused.headers.get("ratelimit"))).toEqual({ policy: "key", remaining: 0, reset: 50 });

    // The next window starts afresh.
    time.t += 50_000;
    const again = await call(db, "GET", "/statuses", { key, limits });
    expect(again.status).toBe(200);
    expect(budget(again.headers.get("ratelimit"))).toMatchObject({ remaining: 2, reset: 60 });
  });

  it("gives every key its own budget", async () => {
    const time = clock(Date.UTC(2026, 0, 2, 10, 0, 0));
    const limits = createApiRateLimits({ perKey: 2, failedAuth: 100, now: time.now });
    const [a, b] = [await keyFor(db, "read", "Key A"), await keyFor(db, "read", "Key B")];
    for (let i = 0; i < 2; i++) expect((await call(db, "GET", "/statuses", { key: a, limits })).status).toBe(200);
    expectProblem(await call(db, "GET", "/statuses", { key: a, limits }), 429, "rate_limited");
    const other = await call(db, "GET", "/statuses", { key: b, limits });
    expect(other.status).toBe(200);
    expect(budget(other.headers.get("ratelimit")).remaining).toBe(1);
  });

  it("counts a wrong secret under a key's prefix against the address, never against that key", async () => {
    const time = clock(Date.UTC(2026, 0, 6, 10, 0, 0));
    const limits = createApiRateLimits({ perKey: 2, failedAuth: 100, now: time.now });
    const key = await keyFor(db, "read");
    const forged = `${key.slice(0, 11)}${"x".repeat(key.length - 11)}`;
    for (let i = 0; i < 3; i++) expectProblem(await call(db, "GET", "/statuses", { key: forged, limits }), 401, "unauthorized");
    const real = [await call(db, "GET", "/statuses", { key, limits }), await call(db, "GET", "/statuses", { key, limits })];
    expect(real.map((r) => [r.status, budget(r.headers.get("ratelimit")).remaining])).toEqual([
      [200, 1],
      [200, 0],
    ]);
  });

  it("counts across instances: two dispatchers on one database share the key's window", async () => {
    const time = clock(Date.UTC(2026, 0, 3, 10, 0, 0));
    // Two app servers: each builds its own limiter from the same settings, and both count in the database.
    const first = createApiRateLimits({ perKey: 4, failedAuth: 100, now: time.now });
    const second = createApiRateLimits({ perKey: 4, failedAuth: 100, now: time.now });
    const key = await keyFor(db, "read");
    const answers = [];
    for (const limits of [first, second, first, second, second]) answers.push(await call(db, "GET", "/statuses", { key, limits }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
    expect(answers.slice(0, 4).map((r) => budget(r.headers.get("ratelimit")).remaining)).toEqual([3, 2, 1, 0]);
  });

  it("refuses a write past the limit before it runs: nothing is written", async () => {
    const time = clock(Date.UTC(2026, 0, 4, 10, 0, 0));
    const limits = createApiRateLimits({ perKey: 1, failedAuth: 100, now: time.now });
    const key = await keyFor(db, "write");
    const order = await createTestOrder(db, flow.type.code);
    expect((await call(db, "GET", `/orders/${order.number}`, { key, limits })).status).toBe(200);
    const refused = await call(db, "POST", `/orders/${order.number}/payments`, { key, limits, body: { amount: 100 } });
    expectProblem(refused, 429, "rate_limited");
    const after = await call(db, "GET", `/orders/${order.number}`, { key });
    expect(after.json.payment.paidAmount).toBe(0);
  });
});

describe("API rate limit on wrong keys, per client address", () => {
  it("answers 401 until the address has sent too many wrong keys, then 429; another address and a good key are unaffected", async () => {
    const time = clock(Date.UTC(2026, 0, 5, 10, 0, 0));
    const limits = createApiRateLimits({ perKey: 100, failedAuth: 2, now: time.now });
    const guesser = fromAddress("203.0.113.50");
    const wrong = "ok_AAAAAAAAnotarealkeyatall";
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(db, "GET", "/statuses", { key: wrong, limits, headers: guesser })).status);
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await call(db, "GET", "/statuses", { key: wrong, limits, headers: guesser });
    expectProblem(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("ratelimit-policy")).toBe('"failed-auth";q=2;w=60');

    expectProblem(await call(db, "GET", "/statuses", { key: wrong, limits, headers: fromAddress("203.0.113.51") }), 401, "unauthorized");
    const good = await call(db, "GET", "/statuses", { key: await keyFor(db, "read"), limits, headers: guesser });
    expect(good.status).toBe(200);
    expect(good.headers.get("ratelimit-policy")).toBe('"key";q=100;w=60');
  });

  it("keeps its counts in the database, one row per key or address and window", async () => {
    const rows = await db.select().from(rateLimitCounters).where(like(rateLimitCounters.key, "api-%"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^api-(key|failed-auth):/.test(r.key))).toBe(true);
  });
});
