import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { users } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { hashPassword } from "./password";
import { findActiveUser, verifyCredentials } from "./users";
import { builtInRoleId } from "@/lib/roles/built-in";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
  const roleId = await builtInRoleId(handle.db, "staff");
  await handle.db.insert(users).values([
    { email: "clerk@example.com", name: "Clerk", roleId, passwordHash: await hashPassword("right-password") },
    {
      email: "gone@example.com",
      name: "Gone",
      roleId,
      passwordHash: await hashPassword("right-password"),
      disabledAt: new Date(),
    },
  ]);
});
afterAll(async () => handle?.close());

describe("verifyCredentials", () => {
  it("accepts the right password, with the email in any case", async () => {
    const user = await verifyCredentials(handle.db, "  Clerk@Example.COM ", "right-password");
    expect(user?.email).toBe("clerk@example.com");
  });

  it("refuses a wrong password, an unknown email and a disabled account alike", async () => {
    expect(await verifyCredentials(handle.db, "clerk@example.com", "wrong")).toBeUndefined();
    expect(await verifyCredentials(handle.db, "nobody@example.com", "right-password")).toBeUndefined();
    expect(await verifyCredentials(handle.db, "gone@example.com", "right-password")).toBeUndefined();
  });

  it("treats a disabled account as gone for existing sessions too", async () => {
    const all = await handle.db.select().from(users);
    const disabled = all.find((u) => u.email === "gone@example.com")!;
    const active = all.find((u) => u.email === "clerk@example.com")!;
    expect(await findActiveUser(handle.db, disabled.id)).toBeUndefined();
    expect((await findActiveUser(handle.db, active.id))?.name).toBe("Clerk");
  });

  it("stores emails lower-cased only", async () => {
    await expect(
      handle.db.insert(users).values({ email: "Upper@Example.com", name: "U", passwordHash: "x", roleId: await builtInRoleId(handle.db, "staff") }),
    ).rejects.toThrow();
  });
});
