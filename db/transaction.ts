import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "./index";

/** Whether a service's answer is a refusal (`{ ok: false, ... }`): the default reason to roll back. */
export function isRefusal(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Decides from the work's answer whether what it wrote stays; by default everything but a refusal. */
export type Keep<T> = (answer: T) => boolean;
const keepUnlessRefused: Keep<unknown> = (answer) => !isRefusal(answer);

// Carries an answer that must not be kept out of the transaction, so the driver rolls back; only
// `rollingBack` throws it and it never escapes the call that threw it.
class NotKept extends Error {
  constructor(readonly answer: unknown) {
    super("rolled back: the work's answer was not to be kept");
  }
}

type Open = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

async function rollingBack<T>(open: Open, work: (tx: Tx) => Promise<T>, keep: Keep<T>): Promise<T> {
  let notKept: NotKept | undefined;
  try {
    return await open(async (tx) => {
      const answer = await work(tx);
      if (keep(answer)) return answer;
      throw (notKept = new NotKept(answer));
    });
  } catch (error) {
    if (notKept && error === notKept) return notKept.answer as T;
    throw error;
  }
}

/**
 * The one way a service runs in a transaction. Every service takes a client or a transaction:
 *
 * - handed a client, it opens a transaction and commits it only when `keep` accepts the answer
 *   (by default: when it is not a refusal); otherwise it rolls back and still returns the answer,
 *   so a refusal is a value, never an exception made up to force the rollback;
 * - handed a transaction (an API request's, which also stores the idempotent answer; an
 *   automation's savepoint), it joins it: the caller's transaction commits or rolls back the work
 *   with everything else, and a refusal reaches the caller, whose own `inTransaction` then undoes
 *   it. Joining saves the two round trips of a savepoint on every change.
 *
 * A throw rolls back the transaction it opened and propagates.
 */
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>, keep: Keep<T> = keepUnlessRefused): Promise<T> {
  if (is(db, PgTransaction)) return work(db as Tx);
  return rollingBack((inner) => db.transaction(inner), work, keep);
}

/**
 * A transaction of the work's own even inside a caller's: a savepoint there. For work that must
 * decide alone whether its writes stay while the transaction around it goes on (an automation's
 * action beside the change that triggered it; a dry run, which is never kept). Rolled back alone
 * when `keep` turns the answer down; a throw rolls it back and propagates.
 */
export function inOwnTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>, keep: Keep<T> = keepUnlessRefused): Promise<T> {
  return rollingBack((inner) => db.transaction(inner), work, keep);
}
