import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { statusGroups } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});

afterAll(async () => {
  await h?.close();
});

/** Migration 0026's backfill, the statement after its column: what an existing shop's groups get. */
function backfill(): string {
  const file = readFileSync(path.join(__dirname, "migrations", "0026_status_group_translations.sql"), "utf8");
  const statements = file.split("--> statement-breakpoint").map((s) => s.trim());
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
    await h.db.execute(sql.raw(backfill()));
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
    await h.db.execute(sql.raw(backfill()));
    const [fresh] = await h.db.select({ translations: statusGroups.translations }).from(statusGroups).where(sql`key = 'new'`);
    expect(fresh?.translations).toEqual({ pl: { name: "Świeże" } });
  });
});
