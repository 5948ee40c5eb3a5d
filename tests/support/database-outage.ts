import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

/**
 * The error a query really gets, through drizzle and postgres.js, when no database answers: a
 * connection refused on a port nothing listens on, wrapped as drizzle wraps every failed query.
 */
export async function refusedQueryError(): Promise<unknown> {
  const client = postgres("postgres://orderly@127.0.0.1:1/none", { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await drizzle({ client }).execute(sql`select 1`);
  } catch (error) {
    return error;
  } finally {
    await client.end({ timeout: 1 });
  }
  throw new Error("a query to a closed port succeeded");
}
