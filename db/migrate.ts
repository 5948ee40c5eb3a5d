import { openConfiguredDb } from "./index";

/** `npm run db:migrate`: applies committed migrations to the configured database. */
async function main() {
  const handle = await openConfiguredDb();
  try {
    await handle.migrate();
    console.log(`Migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
