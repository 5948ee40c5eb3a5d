import type { SQL } from "drizzle-orm";
import type { Db } from "@/db";

/** The rows of a raw statement on either engine: postgres.js answers an array, PGlite `{ rows }`. */
export async function rowsOf<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
