import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { users } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { endAllSessionsOf, endAuthSession, findSessionUser, openAuthSession } from "./sessions";
import { builtInRoleId } from "@/lib/roles/built-in";

let handle: DbHandle;
let clerk: number;
let other: number;
const HOUR = 3_600_000;

beforeAll(async () => {
  handle = await openTestDb();
  const roleId = await builtInRoleId(handle.db, "staff");
  const rows = await handle.db
    .insert(users)
    .values([
      { email: "clerk@example.com", name: "Clerk", roleId, passwordHash: "x" },
      { email: "other@example.com", name: "Other", roleId, passwordHash: "x" },
    ])
    .returning({ id: users.id });
  [clerk, other] = rows.map((r) => r.id) as [number, number];
});
afterAll(async () => handle?.close());

describe("server-side sessions", () => {
  it("a session opens the user's requests until it is ended at sign-out", async () => {
    const id = await openAuthSession(handle.db, clerk, 12 * HOUR);
    expect((await findSessionUser(handle.db, { id, userId: clerk }))?.user.email).toBe("clerk@example.com");
    // A token naming someone else's session is not theirs.
    expect(await findSessionUser(handle.db, { id, userId: other })).toBeUndefined();
    await endAuthSession(handle.db, id);
    expect(await findSessionUser(handle.db, { id, userId: clerk })).toBeUndefined();
  });

  it("ending all of a person's sessions ends every browser's, and nobody else's", async () => {
    const phone = await openAuthSession(handle.db, clerk, 12 * HOUR);
    const desk = await openAuthSession(handle.db, clerk, 12 * HOUR);
    const colleague = await openAuthSession(handle.db, other, 12 * HOUR);
    expect(await endAllSessionsOf(handle.db, clerk)).toBe(2);
    expect(await findSessionUser(handle.db, { id: phone, userId: clerk })).toBeUndefined();
    expect(await findSessionUser(handle.db, { id: desk, userId: clerk })).toBeUndefined();
    expect(await findSessionUser(handle.db, { id: colleague, userId: other })).toBeDefined();
  });

  it("a session ends by itself at its expiry", async () => {
    const start = new Date(Date.UTC(2026, 0, 1, 8));
    const id = await openAuthSession(handle.db, other, 12 * HOUR, start);
    expect(await findSessionUser(handle.db, { id, userId: other }, new Date(start.getTime() + 11 * HOUR))).toBeDefined();
    expect(await findSessionUser(handle.db, { id, userId: other }, new Date(start.getTime() + 12 * HOUR))).toBeUndefined();
  });

  it("a disabled person's open sessions stop at once", async () => {
    const id = await openAuthSession(handle.db, other, 12 * HOUR);
    await handle.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, other));
    expect(await findSessionUser(handle.db, { id, userId: other })).toBeUndefined();
  });
});

