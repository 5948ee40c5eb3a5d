import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPostgres, type DbHandle } from "@/db";
import { env } from "@/lib/env";

/** The server the suite creates its databases on: RELIABILITY_DATABASE_URL, else TEST_DATABASE_URL. */
export function reliabilityServerUrl(): string {
  const { RELIABILITY_DATABASE_URL, TEST_DATABASE_URL } = env();
  const url = RELIABILITY_DATABASE_URL ?? TEST_DATABASE_URL;
  if (!url) {
    throw new Error("Set RELIABILITY_DATABASE_URL (or TEST_DATABASE_URL) to a Postgres server, e.g. postgres://root@127.0.0.1:5432/test");
  }
  return url;
}

export type ScratchDatabase = DbHandle & { url: string };

/**
 * A fresh, migrated database for one scenario on the given server (default: the suite's), dropped
 * again on close, so scenarios never see each other's rows and the shared server keeps nothing.
 */
export async function openScratchDatabase(options: { serverUrl?: string; max?: number } = {}): Promise<ScratchDatabase> {
  const serverUrl = options.serverUrl ?? reliabilityServerUrl();
  const name = `orderly_rely_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: options.max ?? 40 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
