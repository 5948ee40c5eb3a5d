import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { roles, type BuiltInRole } from "@/db/schema";

/** The id of a built-in role (every database has both, from migration 0011). */
export async function builtInRoleId(db: DbOrTx, key: BuiltInRole): Promise<number> {
  const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.builtIn, key));
  if (!row) throw new Error(`the built-in role "${key}" is missing: run the migrations`);
  return row.id;
}
