import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DbHandle } from "@/db";
import { env } from "@/lib/env";

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh
 * database on the server in TEST_DATABASE_URL (dropped again on close), so the same tests
 * prove both engines.
 */
export async function openTestDb(): Promise<DbHandle> {
  const serverUrl = env().TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await handle.migrate();
    return handle;
  }
  const name = `orderly_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 25 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
