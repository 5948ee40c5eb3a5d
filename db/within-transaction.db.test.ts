import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { statusGroups } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { withinTransaction } from "./within-transaction";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

const group = (key: string) => ({ key, name: key, colour: "#123456", kind: "new" as const, position: 1 });
const stored = async (key: string) => handle.db.select().from(statusGroups).where(eq(statusGroups.key, key));

describe("withinTransaction", () => {
  it("opens a transaction of its own when given the client, committed when the work returns", async () => {
    await withinTransaction(handle.db, (tx) => tx.insert(statusGroups).values(group("own")));
    expect(await stored("own")).toHaveLength(1);
  });

  it("works inside the caller's transaction when given one: the caller's rollback undoes it", async () => {
    let seenInside = 0;
    await handle.db
      .transaction(async (outer) => {
        await withinTransaction(outer, (tx) => tx.insert(statusGroups).values(group("nested")));
        seenInside = (await outer.select().from(statusGroups).where(eq(statusGroups.key, "nested"))).length;
        outer.rollback();
      })
      .catch(() => undefined);
    expect(seenInside).toBe(1);
    expect(await stored("nested")).toEqual([]);
  });
});
