import { openConfiguredDb } from "@/db";
import { createUserFromCommandLine, parseUserCreateArgs, USER_CLI_USAGE } from "@/lib/accounts/cli";
import { errorMessage } from "@/lib/error-causes";

/**
 * `npm run user:create -- --email E --name N --role admin|staff|<role>`: creates a person in the
 * configured database (DATABASE_URL, else the embedded one), migrated first, and prints a
 * one-time link to set their password, valid 24 hours. Made for the shop's first admin.
 */
async function main() {
  const args = parseUserCreateArgs(process.argv.slice(2));
  if (!args.ok) {
    for (const e of args.errors) console.error(`Error: ${e}`);
    console.error(USER_CLI_USAGE);
    process.exit(2);
  }
  const handle = await openConfiguredDb();
  try {
    await handle.migrate();
    const created = await createUserFromCommandLine(handle.db, args.value);
    if (!created.ok) {
      const problems = Object.values(created.error.fieldErrors ?? {}).flat();
      for (const p of problems.length ? problems : [created.error.message]) console.error(`Error: ${p}`);
      process.exit(2);
    }
    const { user, roleName, link, expiresAt } = created.value;
    console.log(`Created ${user.name} <${user.email}> (role ${roleName}) in the ${handle.kind} database.`);
    console.log("");
    console.log("Open this link to set the password (it works once):");
    console.log("");
    console.log(`  ${link}`);
    console.log("");
    console.log(`It expires at ${expiresAt.toISOString()} (in 24 hours). If it expires unused, "Forgot password?" on the sign-in page sends a new one`);
    console.log("by email (once email is set up), and an admin can send one from /admin/users.");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps the driver's error in "Failed query: <sql>"; the cause says what went wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`Could not create the person: ${errorMessage(cause)}`);
  process.exit(1);
});
