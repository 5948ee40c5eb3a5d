import type { DbOrTx } from "@/db";
import { transactionsAtOnce } from "@/db/transactions-at-once";
import type { Result } from "@/lib/result";
import { transitionOrder, type TransitionInput, type TransitionOutcome } from "./transition";

/**
 * Orders a bulk change moves at the same time, each in a transaction of its own. Most of one
 * change is waiting (round trips, and the commit: every change's history row sends a NOTIFY, and
 * Postgres lets one such commit at a time hold its queue through the log flush), so several side
 * by side finish 1,000 orders sooner than the same writes by hand one after another: six did (0.75
 * to 0.89 of the time by hand), four did not (1.2 to 1.4) on a quiet machine with the rollup
 * triggers. Not more: the database pool holds 10 connections (`openPostgres`) that every request
 * of the instance shares, so a bulk change keeps 4 free for the board and the API (ADR 0154, 0166).
 * PGlite runs 1 (`transactionsAtOnce`).
 */
export const BULK_CHANGES_AT_ONCE = 6;

export type BulkTransitionInput = Omit<TransitionInput, "orderId" | "orderNumber" | "expectedVersion"> & {
  orders: { orderId: number; expectedVersion?: number }[];
};

/** One line per order of the input, in the input's order (line i is order i), however they finished. */
export type BulkTransitionReport = { orderId: number; result: Result<TransitionOutcome> }[];

/**
 * Bulk change: each order goes through `transitionOrder` in its own transaction, so one refusal
 * neither hides nor undoes another order's success. Up to `BULK_CHANGES_AT_ONCE` run at once;
 * `onProgress` counts the finished ones up by one. An order named twice changes in the order
 * given, the later entry after the earlier one's commit, as one after another did.
 *
 * An unexpected exception (not a refusal: a lost connection, a bug) ends the call as it did when
 * the orders ran one after another: no further order starts, the ones already running finish
 * (and stay, as the earlier ones did), then it is thrown.
 */
export async function transitionOrders(
  db: DbOrTx,
  input: BulkTransitionInput,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkTransitionReport> {
  const { orders: entries, ...shared } = input;
  const total = entries.length;
  const report: BulkTransitionReport = new Array(total);
  let started = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  // The last entry started for each order: a later entry for the same order waits for it.
  const latestFor = new Map<number, Promise<void>>();

  const change = async (index: number, earlier: Promise<void> | undefined) => {
    await earlier;
    if (failure) return;
    const { orderId, expectedVersion } = entries[index]!;
    try {
      const result = await transitionOrder(db, { ...shared, orderId, expectedVersion });
      report[index] = { orderId, result };
      onProgress?.(++done, total);
    } catch (error) {
      failure ??= { error };
    }
  };
  const worker = async () => {
    while (started < total && !failure) {
      const index = started++;
      const { orderId } = entries[index]!;
      const running = change(index, latestFor.get(orderId));
      latestFor.set(orderId, running);
      await running;
    }
  };

  const atOnce = Math.min(transactionsAtOnce(db, BULK_CHANGES_AT_ONCE), total);
  await Promise.all(Array.from({ length: atOnce }, worker));
  if (failure) throw failure.error;
  return report;
}
