import { getDbHandle } from "@/db";
import { API_KEY_CLI_USAGE, parseApiKeyArgs } from "@/lib/integrations/api-key-cli";
import { createApiKey } from "@/lib/integrations/api-keys";
import { errorMessage } from "@/lib/error-causes";

/**
 * `npm run apikey:create -- --name NAME --scope read|write|admin`: creates a key in the
 * configured database (DATABASE_URL, else the embedded one) and prints it once.
 */
async function main() {
  const args = parseApiKeyArgs(process.argv.slice(2));
  if (!args.ok) {
    for (const e of args.errors) console.error(`Error: ${e}`);
    console.error(API_KEY_CLI_USAGE);
    process.exit(2);
  }
  const handle = await getDbHandle();
  try {
    const created = await createApiKey(handle.db, args.value, { type: "system", label: "npm run apikey:create" });
    if (!created.ok) {
      console.error(`Error: ${created.error.message}`);
      process.exit(2);
    }
    const { key, secret } = created.value;
    console.log(`Created API key "${key.name}" (scope ${key.scope}, prefix ${key.prefix}) in the ${handle.kind} database.`);
    console.log("");
    console.log(`  ${secret}`);
    console.log("");
    console.log("Copy it now: it is not stored and will not be shown again. Use it as `Authorization: Bearer <key>`.");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps the driver's error in "Failed query: <sql>"; the cause says what went wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = errorMessage(cause);
  console.error(`Could not create the key: ${message}`);
  if (/relation .*api_keys.* does not exist/.test(message)) console.error("The database is not migrated: run `npm run db:migrate` first.");
  process.exit(1);
});
