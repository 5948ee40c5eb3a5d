import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { PgliteDatabase } from "drizzle-orm/pglite";
import type { DbOrTx } from "./index";

/**
 * How many of `wanted` transactions of their own a caller should run side by side on `db`.
 * PGlite has one connection and runs one transaction at a time, the others queue behind it: more
 * at once would gain nothing. Inside a transaction every statement goes over its one connection
 * and belongs to it, so work that would otherwise open transactions of its own joins it and must
 * run one after another. Only a postgres.js pool runs several at once.
 */
export function transactionsAtOnce(db: DbOrTx, wanted: number): number {
  return is(db, PgTransaction) || is(db, PgliteDatabase) ? 1 : wanted;
}
