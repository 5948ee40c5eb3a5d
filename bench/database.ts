import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openPostgres, type DbHandle } from "@/db";
import { seedDemo } from "@/db/seed";

/**
 * The benchmark database on the real Postgres server: created when missing, migrated, and seeded
 * once with the demo shop and its orders. A marker row remembers the order count and the schema
 * version it was seeded at, so later runs reuse the data (seeding 100,000 orders takes a while)
 * and a new migration or another count seeds afresh.
 */
export const DEFAULT_BENCH_DATABASE_URL = "postgres://root@127.0.0.1:5432/orderly_bench";

const MARKER_TABLE = "bench_seed";

/** The newest migration's tag: data seeded under an older schema is not reused. */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? "none";
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  // The name goes into CREATE/DROP DATABASE, which take no parameters.
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`benchmark database name must be letters, digits and _: "${name}"`);
  return name;
}

/** Runs `work` on the server's maintenance database, where databases are created and dropped. */
async function onServer<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function createDatabase(url: string, { drop }: { drop: boolean }): Promise<void> {
  const name = databaseName(url);
  await onServer(url, async (sql) => {
    if (drop) await sql.unsafe(`drop database if exists "${name}" with (force)`);
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await sql.unsafe(`create database "${name}"`);
  });
}

type Marker = { orders: number; schema_version: string };

async function readMarker(url: string): Promise<Marker | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [table] = await sql`select to_regclass(${MARKER_TABLE}) as name`;
    if (!table?.name) return undefined;
    const [row] = await sql<Marker[]>`select orders, schema_version from ${sql(MARKER_TABLE)} limit 1`;
    return row;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export type PreparedDatabase = { handle: DbHandle; seededNow: boolean };

/**
 * Makes `url` a migrated database holding the demo shop with `orders` orders and returns a
 * connection pool on it. Reuses an earlier seed of the same size and schema unless `reseed`.
 */
export async function prepareBenchDatabase(
  url: string,
  { orders, reseed, log }: { orders: number; reseed: boolean; log: (line: string) => void },
): Promise<PreparedDatabase> {
  await createDatabase(url, { drop: false });
  const version = schemaVersion();
  const marker = reseed ? undefined : await readMarker(url);
  const reusable = marker?.orders === orders && marker.schema_version === version;
  if (!reusable) {
    log(marker ? `Seeded data is for ${marker.orders} orders at ${marker.schema_version}: seeding afresh.` : "Seeding the benchmark database.");
    await createDatabase(url, { drop: true });
  }

  const handle = await openPostgres(url, { max: 20 });
  try {
    await handle.migrate();
    if (reusable) {
      log(`Reusing the seeded database (${orders.toLocaleString("en")} orders, ${version}).`);
      return { handle, seededNow: false };
    }
    await seedDemo(handle.db, { orders, log: (line) => log(`  ${line}`) });
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      // Fresh statistics and a visibility map now, as autovacuum would give them a little later:
      // the first run's figures should not depend on when autovacuum happened to wake up.
      await sql`vacuum analyze`;
      await sql.unsafe(`create table ${MARKER_TABLE} (orders integer not null, schema_version text not null, seeded_at timestamptz not null default now())`);
      await sql`insert into ${sql(MARKER_TABLE)} (orders, schema_version) values (${orders}, ${version})`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    return { handle, seededNow: true };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
