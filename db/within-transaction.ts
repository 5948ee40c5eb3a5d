import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "./index";

/**
 * Runs `work` in a transaction of its own or, when handed one already (an API request's, which
 * also stores the idempotent answer; an automation action's savepoint), inside that one. The
 * caller's transaction then commits or rolls back the work with everything else, exactly as a
 * nested savepoint would let it, and the savepoint's two extra round trips are saved.
 */
export function withinTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? work(db as Tx) : db.transaction(work);
}
