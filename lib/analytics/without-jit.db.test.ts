import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db";
import { openTestDb } from "@/tests/support/test-db";
import { withoutJit } from "./without-jit";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

async function jitSetting(db: Pick<DbHandle["db"], "execute">): Promise<string> {
  const result = await db.execute<{ jit: string }>(sql`show jit`);
  const rows = Array.isArray(result) ? result : (result as { rows: { jit: string }[] }).rows;
  return rows[0]!.jit;
}

describe("withoutJit", () => {
  it("turns JIT off for the figure's own queries only, and hands back their result", async () => {
    const before = await jitSetting(handle.db);
    const inside = await withoutJit(handle.db, (tx) => jitSetting(tx));
    expect(inside).toBe("off");
    // SET LOCAL ended with the transaction: the connection is back to the server's setting.
    expect(await jitSetting(handle.db)).toBe(before);
  });
});
