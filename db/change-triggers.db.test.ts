import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { rowsOf } from "@/db/rows";
import { openTestDb } from "@/tests/support/test-db";

/*
 * Migration 0025: the trigger functions an order change runs keep their statements' generic
 * plans instead of planning them afresh on every call (ADR 0167). What they compute is held by
 * the rollup, search and live-board tests; this holds the setting, for every trigger function on
 * the two tables a change writes, so a trigger added later is not left planning per call.
 */

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(async () => handle?.close());

type FunctionConfig = { name: string; config: string[] | null };

async function configOf(where: SQL): Promise<FunctionConfig[]> {
  return rowsOf<FunctionConfig>(
    await db.execute(sql`
    select p.proname as name, p.proconfig as config
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = current_schema() and ${where}
    order by p.proname`),
  );
}

const GENERIC = "plan_cache_mode=force_generic_plan";

describe("the trigger functions an order change runs", () => {
  it("plan their statements once per connection, on orders and on their history alike", async () => {
    const fired = await configOf(
      sql`p.oid in (select t.tgfoid from pg_trigger t where not t.tgisinternal and t.tgrelid in ('orders'::regclass, 'order_events'::regclass))`,
    );
    expect(fired.map((f) => f.name)).toEqual([
      "analytics_on_entries_delete",
      "analytics_on_entries_insert",
      "analytics_on_entries_update",
      "analytics_on_order",
      "notify_order_change",
      "order_search_write",
    ]);
    for (const f of fired) expect(f.config, f.name).toContain(GENERIC);
  });

  it("and so do the functions they call on the way, while the rebuild and the fold plan per call", async () => {
    const helpers = await configOf(sql`p.proname in ('analytics_entries_changed', 'analytics_entry_appended', 'analytics_add')`);
    expect(helpers).toHaveLength(3);
    for (const f of helpers) expect(f.config, f.name).toContain(GENERIC);

    const wholeTable = await configOf(sql`p.proname in ('analytics_rebuild', 'analytics_fold', 'analytics_add_orders')`);
    expect(wholeTable).toHaveLength(3);
    for (const f of wholeTable) expect(f.config ?? [], f.name).not.toContain(GENERIC);
  });
});
