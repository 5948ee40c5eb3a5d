import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { inOwnTransaction } from "@/db/transaction";

/**
 * Runs one figure's queries with Postgres's JIT compilation off, for this transaction only.
 * Postgres compiles any plan it costs above `jit_above_cost`, and compiles it afresh on every run.
 * The cohort figures (one index probe per order of the period) cost far above that threshold while
 * running in well under a second: at 100,000 orders compiling took 0.5 to 1.7 s of each run, more
 * than the query itself (docs/adr/0065). SET LOCAL ends with the transaction, so the pool's
 * other users keep the server's setting.
 */
export async function withoutJit<T>(
  db: DbOrTx,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inOwnTransaction(db, async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return work(tx);
  });
}
