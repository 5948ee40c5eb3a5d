import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { env } from "@/lib/env";
import { preparedByDefault } from "./prepared-by-default";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One client type for both engines: everything is written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A client or an open transaction: query helpers accept either. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

/**
 * Hears NOTIFY on `channel`: `onPayload` gets each payload, `onListen` runs once the LISTEN stands
 * and again each time it is re-established after the connection was lost (notifications sent
 * meanwhile are gone). Resolves, once listening, to the function that stops.
 */
export type Listen = (channel: string, onPayload: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;

export type DbHandle = {
  db: Db;
  kind: DatabaseKind;
  migrate: () => Promise<void>;
  listen: Listen;
  close: () => Promise<void>;
};

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Embedded Postgres. `dataDir` undefined: in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  // PGlite makes its own directory but not the folders above it (`.data/` on a fresh checkout).
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // pg_trgm is loaded for the order search's index (migration order_search, ADR 0148); PGlite has no contrib
  // extension unless it is named here, and CREATE EXTENSION fails without it.
  const options = { extensions: { pg_trgm } };
  const client = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    // One session in the process: a NOTIFY from any of its transactions reaches it on commit.
    listen: async (channel, onPayload, onListen) => {
      const stop = await client.listen(channel, onPayload);
      onListen?.();
      return stop;
    },
    close: () => client.close(),
  };
}

/**
 * How long one connection attempt may take, in seconds. postgres.js waits 30 s by default, and a
 * server that is restarting can take a connection and never answer it: every request queued on
 * that connection then hangs for the whole wait. A database on the same network answers in
 * milliseconds, so a few seconds is ample, and a request fails fast instead (ADR 0120).
 */
export const CONNECT_TIMEOUT_S = 5;

/**
 * Seconds before a pool connection tries again after its connection failed. postgres.js counts
 * failures for the whole pool and waits up to 20 s by default: after a database restart, the
 * failures of every connection during the outage add up, and requests went on waiting 10 to 20 s
 * on a server that was already back. Doubling from 50 ms up to 1 s keeps a down server from being
 * hammered while a returning one is used within a second (ADR 0135).
 */
export function reconnectDelayS(failures: number): number {
  return Math.min(0.05 * 2 ** Math.max(0, failures - 1), 1);
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const client = preparedByDefault(
    postgres(url, { max: options.max ?? 10, connect_timeout: CONNECT_TIMEOUT_S, backoff: reconnectDelayS, onnotice: () => {} }),
  );
  const db = drizzlePostgres({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    // postgres.js listens on a connection of its own beside the pool, with the pool's options
    // (the backoff above too): when it drops it reconnects, LISTENs again and calls onListen.
    listen: async (channel, onPayload, onListen) => (await client.listen(channel, onPayload, onListen)).unlisten,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens the database the environment names: postgres.js when DATABASE_URL is set, else PGlite on disk. */
export async function openConfiguredDb(): Promise<DbHandle> {
  const { DATABASE_URL, PGLITE_DIR, DATABASE_POOL_MAX } = env();
  return DATABASE_URL ? openPostgres(DATABASE_URL, { max: DATABASE_POOL_MAX }) : openPglite(PGLITE_DIR);
}

// PGlite takes no lock on its directory, so two clients in one process (hot reload) would
// corrupt it: the handle lives on globalThis and survives module reloads.
const globalForDb = globalThis as unknown as { orderlyDb?: Promise<DbHandle> };

async function openAppDb(): Promise<DbHandle> {
  const handle = await openConfiguredDb();
  // The embedded database migrates itself on start; a real server is migrated by `npm run db:migrate`.
  if (handle.kind === "pglite") await handle.migrate();
  return handle;
}

/** The application's shared database handle. */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.orderlyDb ??= openAppDb().catch((error: unknown) => {
    globalForDb.orderlyDb = undefined;
    throw error;
  });
  return globalForDb.orderlyDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export { schema };
