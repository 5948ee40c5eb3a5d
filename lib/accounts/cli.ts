import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { roles, settings, type User } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { ok, validationFailed, type Result } from "@/lib/result";
import { auditView, recordUserAudit } from "./audit";
import { passwordLink } from "./email";
import { createUser } from "./people";
import { emailSchema, nameSchema, TOKEN_LIFETIME_MS } from "./rules";
import { issueToken } from "./tokens";

export const USER_CLI_USAGE = 'Usage: npm run user:create -- --email EMAIL --name "NAME" --role admin|staff|<a role\'s name>';

export type UserCliArgs = { email: string; name: string; role: string };

/**
 * The arguments of `npm run user:create`, or every problem with them in words. A password is
 * never taken on the command line (it would stay in the shell's history and the process list):
 * the command prints a one-time link instead.
 */
export function parseUserCreateArgs(argv: string[]): { ok: true; value: UserCliArgs } | { ok: false; errors: string[] } {
  if (argv.some((a) => a === "--password" || a.startsWith("--password="))) {
    return {
      ok: false,
      errors: ["--password is not accepted: a password on the command line stays in the shell's history. The command prints a one-time link where the person sets their own."],
    };
  }
  let values: { email?: string; name?: string; role?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
  const errors: string[] = [];
  const email = emailSchema.safeParse(values.email ?? "");
  if (values.email === undefined) errors.push("--email is required: the person's email address, e.g. --email anna@shop.pl");
  else if (!email.success) errors.push(`--email must be an email address, not "${values.email}"`);
  const name = nameSchema.safeParse(values.name ?? "");
  if (!name.success) errors.push('--name is required: the person\'s name as colleagues know it, e.g. --name "Anna Nowak"');
  const role = values.role?.trim() ?? "";
  if (!role) errors.push("--role is required: admin, staff or the name of a role the shop defined");
  if (errors.length > 0 || !email.success || !name.success) return { ok: false, errors };
  return { ok: true, value: { email: email.data, name: name.data, role } };
}

/** A role by its built-in key ("admin", "staff") or the name the shop gave it, in any case. */
async function findRole(db: DbOrTx, role: string) {
  const key = role.toLowerCase();
  const [row] = await db
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(key === "admin" || key === "staff" ? eq(roles.builtIn, key) : eq(sql`lower(${roles.name})`, key));
  return row;
}

export type CommandLineUser = { user: User; roleName: string; link: string; expiresAt: Date };

/**
 * What `npm run user:create` does: creates the person without a password and issues a link to
 * set one, valid 24 hours, returned (not emailed: the person at the console hands it over). An
 * address already in use and an unknown role are refused.
 */
export async function createUserFromCommandLine(db: DbOrTx, args: UserCliArgs, now = new Date()): Promise<Result<CommandLineUser>> {
  return inTransaction(db, async (tx) => {
    const role = await findRole(tx, args.role);
    if (!role) return validationFailed([{ path: ["role"], message: `No role "${args.role}": use admin, staff or the name of one of the shop's roles.` }]);
    const created = await createUser(tx, { email: args.email, name: args.name, roleId: role.id });
    if (!created.ok) {
      if (created.error.fieldErrors?.email) return validationFailed([{ path: ["email"], message: `${args.email} already has an account.` }]);
      return created;
    }
    const user = created.value;
    const { token, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "invitation", lifetimeMs: TOKEN_LIFETIME_MS.commandLine, now });
    const [shop] = await tx.select({ appUrl: settings.appUrl }).from(settings).limit(1);
    await recordUserAudit(tx, {
      actor: { type: "system", label: "npm run user:create" },
      action: "invited",
      user,
      after: { ...auditView(user, role), expiresAt, through: "command_line" },
    });
    return ok({ user, roleName: role.name, link: passwordLink(shop?.appUrl ?? "http://localhost:3000", token), expiresAt });
  });
}
