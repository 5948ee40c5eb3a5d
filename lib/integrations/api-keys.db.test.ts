import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { apiKeys } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey, scopeAllows } from "./api-keys";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => {
  await handle?.close();
});

async function make(name: string, scope: "read" | "write" | "admin" = "write") {
  const created = await createApiKey(handle.db, { name, scope }, SYSTEM_AUDIT_ACTOR);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe("API keys", () => {
  it("returns the secret once and stores only its SHA-256 and a visible prefix", async () => {
    const { key, secret } = await make("ERP");
    expect(secret).toMatch(/^ok_[A-Za-z0-9_-]{32}$/);
    expect(key.prefix).toBe(secret.slice(0, 11));
    expect(key).not.toHaveProperty("secretHash");
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("refuses an empty name and an unknown scope, field by field", async () => {
    const result = await createApiKey(handle.db, { name: " ", scope: "root" as never }, SYSTEM_AUDIT_ACTOR);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["name", "scope"]);
  });

  it("authenticates the right secret and refuses a wrong, truncated or revoked one", async () => {
    const { key, secret } = await make("Warehouse");
    const good = await authenticateApiKey(handle.db, secret);
    expect(good).toMatchObject({ ok: true, value: { id: key.id, name: "Warehouse" } });

    const tampered = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    for (const token of [tampered, secret.slice(0, 20), "", undefined, `ok_${"x".repeat(40)}`]) {
      expect(await authenticateApiKey(handle.db, token)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    }
    await revokeApiKey(handle.db, key.id, SYSTEM_AUDIT_ACTOR);
    expect(await authenticateApiKey(handle.db, secret)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("records the last use, but at most once a minute", async () => {
    const { key, secret } = await make("Marketplace");
    const t0 = new Date("2030-01-01T10:00:00Z");
    await authenticateApiKey(handle.db, secret, t0);
    await authenticateApiKey(handle.db, secret, new Date(t0.getTime() + 30_000));
    const read = async () => (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt;
    expect(await read()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(handle.db, secret, later);
    expect(await read()).toEqual(later);
  });

  it("lists newest first and keeps revoked keys with their time", async () => {
    const first = await make("First listed");
    const second = await make("Second listed");
    await revokeApiKey(handle.db, first.key.id, SYSTEM_AUDIT_ACTOR);
    const list = await listApiKeys(handle.db);
    const ids = list.map((k) => k.id);
    expect(ids.indexOf(second.key.id)).toBeLessThan(ids.indexOf(first.key.id));
    expect(list.find((k) => k.id === first.key.id)!.revokedAt).toBeInstanceOf(Date);
    expect(await revokeApiKey(handle.db, 999_999, SYSTEM_AUDIT_ACTOR)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("ranks scopes admin ⊃ write ⊃ read", () => {
    expect(scopeAllows("read", "read")).toBe(true);
    expect(scopeAllows("read", "write")).toBe(false);
    expect(scopeAllows("write", "read")).toBe(true);
    expect(scopeAllows("write", "admin")).toBe(false);
    expect(scopeAllows("admin", "write")).toBe(true);
  });
});
