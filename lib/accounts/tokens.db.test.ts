import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { users, userTokens } from "@/db/schema";
import { builtInRoleId } from "@/lib/roles/built-in";
import { openTestDb } from "@/tests/support/test-db";
import { consumeToken, hashToken, inspectToken, issueToken } from "./tokens";

let handle: DbHandle;
let person: number;
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDb();
  const [row] = await handle.db.insert(users).values({ email: "token@example.com", name: "Token", roleId: await builtInRoleId(handle.db, "staff") }).returning();
  person = row!.id;
});
afterAll(async () => handle?.close());

describe("one-time tokens", () => {
  it("are 32 random bytes in base64url, and only their SHA-256 is stored", async () => {
    const { token } = await issueToken(handle.db, { userId: person, purpose: "invitation", lifetimeMs: HOUR });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await handle.db.select().from(userTokens).where(eq(userTokens.userId, person));
    expect(stored.map((r) => r.tokenHash)).toContain(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const second = await issueToken(handle.db, { userId: person, purpose: "invitation", lifetimeMs: HOUR });
    expect(second.token).not.toBe(token);
  });

  it("work once: the second use of a link finds nothing", async () => {
    const { token } = await issueToken(handle.db, { userId: person, purpose: "password_reset", lifetimeMs: HOUR });
    expect((await inspectToken(handle.db, token)).state).toBe("usable");
    expect((await consumeToken(handle.db, token))?.userId).toBe(person);
    expect(await consumeToken(handle.db, token)).toBeUndefined();
    expect((await inspectToken(handle.db, token)).state).toBe("used");
  });

  it("stop at their expiry", async () => {
    const issuedAt = new Date(Date.UTC(2026, 0, 1, 8));
    const { token, expiresAt } = await issueToken(handle.db, { userId: person, purpose: "password_reset", lifetimeMs: HOUR, now: issuedAt });
    expect(expiresAt.getTime() - issuedAt.getTime()).toBe(HOUR);
    const later = new Date(issuedAt.getTime() + HOUR);
    expect((await inspectToken(handle.db, token, later)).state).toBe("expired");
    expect(await consumeToken(handle.db, token, later)).toBeUndefined();
    expect((await consumeToken(handle.db, token, new Date(issuedAt.getTime() + HOUR - 1)))?.userId).toBe(person);
  });

  it("are replaced by a newer one of the same purpose, not by one of another purpose", async () => {
    const first = await issueToken(handle.db, { userId: person, purpose: "invitation", lifetimeMs: HOUR });
    const reset = await issueToken(handle.db, { userId: person, purpose: "password_reset", lifetimeMs: HOUR });
    const second = await issueToken(handle.db, { userId: person, purpose: "invitation", lifetimeMs: HOUR });
    expect((await inspectToken(handle.db, first.token)).state).toBe("used");
    expect((await inspectToken(handle.db, reset.token)).state).toBe("usable");
    expect((await inspectToken(handle.db, second.token)).state).toBe("usable");
  });

  it("a made-up or malformed link opens nothing", async () => {
    expect((await inspectToken(handle.db, "A".repeat(43))).state).toBe("unknown");
    expect((await inspectToken(handle.db, "../../etc/passwd")).state).toBe("unknown");
    expect(await consumeToken(handle.db, "A".repeat(43))).toBeUndefined();
  });
});
