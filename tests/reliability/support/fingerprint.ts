import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/**
 * A digest of every table's full contents, to prove a refused request wrote nothing. `api_keys`
 * is left out: authenticating stamps `last_used_at` (at most once a minute), which is bookkeeping
 * of the call itself, not a change the request asked for.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = (await db.execute(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'api_keys'
    order by table_name`)) as unknown as { table_name: string }[];
  const digest: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = (await db.execute(
      sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as d from "${table_name}" t`),
    )) as unknown as { d: string }[];
    digest[table_name] = row!.d;
  }
  return digest;
}
