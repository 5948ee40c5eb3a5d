import { openPostgres } from "@/db";
import { measureOutbox } from "./outbox-measure";

/**
 * The outbox measurement in a process of its own, started by the `outbox` scenario with
 * NODE_ENV=production: prints the figures as one JSON line, the last it writes.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const handle = await openPostgres(url);
  try {
    console.log(JSON.stringify(await measureOutbox(handle.db)));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
