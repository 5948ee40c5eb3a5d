import type { Tx } from "@/db";
import { inOwnTransaction } from "@/db/transaction";
import { errorMessage } from "@/lib/error-causes";

export type Refusal = { ok: false; reason: string; message: string };

/**
 * Runs `work` in a savepoint: a refusal or a throw undoes only its own writes and comes back as a
 * refusal with a reason (`error` for a throw), never as an exception that would take the change
 * around it (the event that triggered a rule) down with it.
 */
export async function attemptInSavepoint<T extends { ok: true }>(
  tx: Tx,
  work: (savepoint: Tx) => Promise<T | Refusal>,
): Promise<T | Refusal> {
  try {
    return await inOwnTransaction(tx, work);
  } catch (error) {
    return { ok: false, reason: "error", message: errorMessage(error) };
  }
}
