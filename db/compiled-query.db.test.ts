import { eq, getTableColumns, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { settings, statusGroups } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { compileQuery, placeholderFor } from "./compiled-query";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

const groupNamed = compileQuery<(typeof statusGroups.$inferSelect)[], { name: string }>(
  "test.groupNamed",
  (db) => db.select().from(statusGroups).where(eq(statusGroups.name, sql.placeholder("name"))),
  getTableColumns(statusGroups),
);

const touchSettings = compileQuery<unknown, { at: Date }>("test.touchSettings", (db) => db.update(settings).set({ updatedAt: placeholderFor("at", settings.updatedAt) }));

describe("compileQuery", () => {
  // On a server run, a statement sent on another connection than the transaction's would not see
  // the uncommitted row (PGlite has one connection, so there this holds either way).
  it("runs on the transaction it is given: it sees that transaction's rows, gone after a rollback", async () => {
    // First on the shared client, as an app does: the statement must not stay tied to it.
    expect(await groupNamed(handle.db, { name: "Compiled" })).toEqual([]);
    let seenInside: unknown[] = [];
    await handle.db
      .transaction(async (tx) => {
        await tx.insert(statusGroups).values({ key: "compiled", name: "Compiled", colour: "#123456", kind: "new", position: 9 });
        seenInside = await groupNamed(tx, { name: "Compiled" });
        tx.rollback();
      })
      .catch(() => undefined);
    expect(seenInside).toMatchObject([{ key: "compiled", colour: "#123456", kind: "new" }]);
    expect(await groupNamed(handle.db, { name: "Compiled" })).toEqual([]);
  });

  it("maps rows like drizzle (dates as dates) and encodes placeholders as their column does", async () => {
    await handle.db.insert(settings).values({}).onConflictDoNothing();
    const at = new Date("2026-03-04T05:06:07.089Z");
    await touchSettings(handle.db, { at });
    const [row] = await handle.db.select().from(settings);
    expect(row?.updatedAt).toEqual(at);
    const [group] = await handle.db
      .insert(statusGroups)
      .values({ key: "mapped", name: "Mapped", colour: "#654321", kind: "completed", position: 10 })
      .returning();
    expect(await groupNamed(handle.db, { name: "Mapped" })).toEqual([group]);
  });
});
