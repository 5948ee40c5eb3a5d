import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";

/**
 * A digest of every table's full contents, to prove a refused request (or a preview) wrote
 * nothing. `api_keys` and `rate_limit_counters` are left out: authenticating stamps `last_used_at`
 * (at most once a minute) and every API call is counted against its key's rate limit, which is
 * bookkeeping of the call itself, not a change the request asked for.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('api_keys', 'rate_limit_counters')
    order by table_name`),
  );
  const digest: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = rowsOf<{ d: string }>(
      await db.execute(sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as d from "${table_name}" t`)),
    );
    digest[table_name] = row!.d;
  }
  return digest;
}
