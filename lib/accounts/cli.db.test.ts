import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog, outbox, roles, users, userTokens } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { createUserFromCommandLine } from "./cli";
import { setPasswordByToken } from "./passwords";
import { hashToken } from "./tokens";

let handle: DbHandle;
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDb();
  await handle.db.insert(roles).values({ name: "Magazyn", areas: ["scan"] });
});
afterAll(async () => handle?.close());

describe("npm run user:create", () => {
  it("writes the first admin without a password, a 24-hour link stored only as its hash, and an audit entry", async () => {
    const now = new Date();
    const created = await createUserFromCommandLine(handle.db, { email: "first@shop.pl", name: "First Admin", role: "admin" }, now);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { user, link, expiresAt, roleName } = created.value;
    expect(roleName).toBe("admin");
    expect(expiresAt.getTime() - now.getTime()).toBe(24 * HOUR);
    const token = link.split("/").pop()!;
    expect(link).toBe(`http://localhost:3000/password/${token}`);
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ email: "first@shop.pl", passwordHash: null });
    const tokens = await handle.db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(tokens).toEqual([expect.objectContaining({ purpose: "invitation", tokenHash: hashToken(token), usedAt: null })]);
    // Printed, not emailed.
    expect(await handle.db.select().from(outbox)).toHaveLength(0);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, String(user.id)));
    expect(entry).toMatchObject({ actorType: "system", action: "invited", after: expect.objectContaining({ role: "admin", through: "command_line" }) });
    expect((await setPasswordByToken(handle.db, { token, password: "first admin password" })).ok).toBe(true);
  });

  it("finds a shop's own role by its name in any case, and refuses an unknown role and a taken address", async () => {
    const warehouse = await createUserFromCommandLine(handle.db, { email: "pack@shop.pl", name: "Packer", role: "magazyn" });
    expect(warehouse).toMatchObject({ ok: true, value: { roleName: "Magazyn" } });
    const unknown = await createUserFromCommandLine(handle.db, { email: "who@shop.pl", name: "Who", role: "root" });
    expect(unknown).toMatchObject({ ok: false, error: { code: "validation_failed", fieldErrors: { role: [expect.stringContaining('No role "root"')] } } });
    const taken = await createUserFromCommandLine(handle.db, { email: "first@shop.pl", name: "Again", role: "staff" });
    expect(taken).toMatchObject({ ok: false, error: { fieldErrors: { email: [expect.stringContaining("already has an account")] } } });
    expect(await handle.db.select().from(users).where(eq(users.email, "who@shop.pl"))).toHaveLength(0);
  });
});
