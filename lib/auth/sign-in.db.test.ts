import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { rateLimitCounters, users } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { hashPassword } from "./password";
import { attemptSignIn } from "./sign-in";
import { createSignInThrottle, SIGN_IN_LIMITS } from "./sign-in-throttle";
import { builtInRoleId } from "@/lib/roles/built-in";

// Counts bcrypt comparisons, the expensive step whose presence or absence timing would reveal.
const compares = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: (password: string, hash: string) => (compares.count++, real.verifyPassword(password, hash)) };
});

let handle: DbHandle;
let t: number;
const throttle = () => createSignInThrottle(() => t);

beforeAll(async () => {
  handle = await openTestDb();
  const passwordHash = await hashPassword("right-password");
  const roleId = await builtInRoleId(handle.db, "staff");
  await handle.db.insert(users).values([
    { email: "clerk@example.com", name: "Clerk", roleId, passwordHash },
    { email: "other@example.com", name: "Other", roleId, passwordHash },
    { email: "gone@example.com", name: "Gone", roleId, passwordHash, disabledAt: new Date() },
  ]);
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  t = Date.UTC(2026, 0, 1, 9, 0, 0);
  compares.count = 0;
  await handle.db.delete(rateLimitCounters);
});

const attempt = (email: string, password: string, address: string, limits = throttle()) =>
  attemptSignIn(handle.db, { email, password, address }, limits);

describe("sign-in throttling", () => {
  it("locks an account after its limit of wrong passwords from any address, right password included, until the window ends", async () => {
    const limits = throttle();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      expect(await attempt("clerk@example.com", "wrong", `203.0.113.${i}`, limits)).toEqual({ ok: false, code: "wrong_credentials" });
    }
    t += 60_000;
    const locked = await attempt("Clerk@Example.com", "right-password", "198.51.100.1", limits);
    expect(locked).toEqual({ ok: false, code: "throttled", retryAfterSeconds: 14 * 60 });
    // Another account from the same addresses is not affected.
    expect((await attempt("other@example.com", "right-password", "203.0.113.0", limits)).ok).toBe(true);
    // It ends by itself when the window is over.
    t += 14 * 60_000;
    expect((await attempt("clerk@example.com", "right-password", "198.51.100.1", limits)).ok).toBe(true);
  });

  it("locks an address that fails on many accounts, while other addresses still get in", async () => {
    const limits = throttle();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) {
      expect((await attempt(`guess${i}@example.com`, "wrong", "203.0.113.50", limits)).ok).toBe(false);
    }
    expect(await attempt("clerk@example.com", "right-password", "203.0.113.50", limits)).toMatchObject({ code: "throttled" });
    expect((await attempt("clerk@example.com", "right-password", "203.0.113.51", limits)).ok).toBe(true);
  });

  it("holds across app instances: the counts are in the database", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) await attempt("clerk@example.com", "wrong", "203.0.113.9", throttle());
    expect(await attempt("clerk@example.com", "right-password", "203.0.113.9", throttle())).toMatchObject({ code: "throttled" });
  });

  it("refuses a throttled attempt without checking the password", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) await attempt("clerk@example.com", "wrong", "203.0.113.9");
    compares.count = 0;
    await attempt("clerk@example.com", "right-password", "203.0.113.9");
    expect(compares.count).toBe(0);
  });

  it("a successful sign-in clears the account's earlier typos", async () => {
    const limits = throttle();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit - 1; i++) await attempt("clerk@example.com", "wrong", "203.0.113.9", limits);
    expect((await attempt("clerk@example.com", "right-password", "203.0.113.9", limits)).ok).toBe(true);
    expect(await attempt("clerk@example.com", "wrong", "203.0.113.9", limits)).toMatchObject({ code: "wrong_credentials" });
    expect((await attempt("clerk@example.com", "right-password", "203.0.113.9", limits)).ok).toBe(true);
  });
});

describe("a burst of parallel guesses", () => {
  it("gets no more password checks than the account's limit, however many arrive at once", async () => {
    const limits = throttle();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt("clerk@example.com", "wrong", `203.0.113.${100 + i}`, limits)),
    );
    expect(compares.count).toBe(SIGN_IN_LIMITS.perAccount.limit);
    expect(outcomes.filter((o) => !o.ok && o.code === "throttled")).toHaveLength(30 - SIGN_IN_LIMITS.perAccount.limit);
    expect(await attempt("clerk@example.com", "right-password", "198.51.100.7", limits)).toMatchObject({ code: "throttled" });
  });

  it("successes do not use up an office's shared address", async () => {
    const limits = throttle();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit + 5; i++) {
      expect((await attempt("clerk@example.com", "right-password", "203.0.113.77", limits)).ok).toBe(true);
    }
  });
});

describe("equal work for every email", () => {
  it("runs exactly one bcrypt comparison for an unknown, a disabled and a known email", async () => {
    for (const email of ["nobody@example.com", "gone@example.com", "clerk@example.com"]) {
      compares.count = 0;
      expect(await attempt(email, "wrong", `198.51.100.${email.length}`)).toEqual({ ok: false, code: "wrong_credentials" });
      expect({ email, compares: compares.count }).toEqual({ email, compares: 1 });
    }
  });
});
