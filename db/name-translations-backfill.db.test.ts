import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { orderTypes, statusGroups, statuses } from "@/db/schema";
import { migrationStatements } from "@/tests/support/migration-sql";
import { openTestDb } from "@/tests/support/test-db";

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});

afterAll(async () => {
  await h?.close();
});

/** A translations migration's backfill, the statement after its column: what an existing shop's rows get. */
function backfillOf(file: string): string {
  const statements = migrationStatements(file);
  expect(statements).toHaveLength(2);
  return statements[1]!;
}

describe("migration 0026: status group translations", () => {
  it("gives the default groups still named in English their Polish names, and leaves renamed and own groups alone", async () => {
    // As a shop's groups stood before the migration: three defaults as seeded, one renamed, one of its own.
    await h.db.insert(statusGroups).values([
      { key: "new", name: "New", colour: "#1d4ed8", position: 0, kind: "new" },
      { key: "in_progress", name: "Realizacja", colour: "#b45309", position: 1, kind: "in_progress" },
      { key: "completed", name: "Completed", colour: "#15803d", position: 2, kind: "completed" },
      { key: "not_completed", name: "Not completed", colour: "#4b5563", position: 3, kind: "not_completed" },
      { key: "returns", name: "Returns", colour: "#4b5563", position: 4, kind: "not_completed" },
    ]);
    await h.db.execute(sql.raw(backfillOf("0026_status_group_translations.sql")));
    const rows = await h.db.select({ key: statusGroups.key, name: statusGroups.name, translations: statusGroups.translations }).from(statusGroups).orderBy(asc(statusGroups.position));
    expect(rows).toEqual([
      { key: "new", name: "New", translations: { pl: { name: "Nowe" } } },
      { key: "in_progress", name: "Realizacja", translations: {} },
      { key: "completed", name: "Completed", translations: { pl: { name: "Zrealizowane" } } },
      { key: "not_completed", name: "Not completed", translations: { pl: { name: "Niezrealizowane" } } },
      { key: "returns", name: "Returns", translations: {} },
    ]);
    // Run again (a translation an admin has since written stays).
    await h.db.execute(sql`update ${statusGroups} set translations = ${JSON.stringify({ pl: { name: "Świeże" } })}::jsonb where key = 'new'`);
    await h.db.execute(sql.raw(backfillOf("0026_status_group_translations.sql")));
    const [fresh] = await h.db.select({ translations: statusGroups.translations }).from(statusGroups).where(sql`key = 'new'`);
    expect(fresh?.translations).toEqual({ pl: { name: "Świeże" } });
  });
});

describe("migration 0027: order type translations", () => {
  it("gives the order types still carrying their default English names their Polish ones, and leaves the others alone", async () => {
    const [group] = await h.db.insert(statusGroups).values({ key: "g0027", name: "G", colour: "#1d4ed8", kind: "new" }).returning();
    const [status] = await h.db.insert(statuses).values({ code: "s0027", name: "S", colour: "#1d4ed8", groupId: group!.id }).returning();
    // As a shop's types stood before the migration: the demo's and the after-sales defaults, one
    // renamed, one of the shop's own under a default name, and one of its own.
    const type = (code: string, name: string, position: number) => ({ code, name, initialStatusId: status!.id, position });
    await h.db.insert(orderTypes).values([
      type("retail", "Retail", 0),
      type("wholesale", "Hurt", 1),
      type("return", "Return", 2),
      type("complaint", "Complaint", 3),
      type("b2b", "Wholesale", 4),
      type("allegro", "Allegro", 5),
    ]);
    await h.db.execute(sql.raw(backfillOf("0027_order_type_translations.sql")));
    const rows = await h.db.select({ code: orderTypes.code, translations: orderTypes.translations }).from(orderTypes).orderBy(asc(orderTypes.position));
    expect(rows).toEqual([
      { code: "retail", translations: { pl: { name: "Detaliczne" } } },
      { code: "wholesale", translations: {} },
      { code: "return", translations: { pl: { name: "Zwrot" } } },
      { code: "complaint", translations: { pl: { name: "Reklamacja" } } },
      { code: "b2b", translations: {} },
      { code: "allegro", translations: {} },
    ]);
    // Run again: a translation an admin has since written stays.
    await h.db.update(orderTypes).set({ translations: { pl: { name: "Sklep" } } }).where(eq(orderTypes.code, "retail"));
    await h.db.execute(sql.raw(backfillOf("0027_order_type_translations.sql")));
    const [retail] = await h.db.select({ translations: orderTypes.translations }).from(orderTypes).where(eq(orderTypes.code, "retail"));
    expect(retail?.translations).toEqual({ pl: { name: "Sklep" } });
  });
});
