import type { Env } from "@/lib/env";
import type { WorkerOptions } from "./worker";

export type WorkerTuning = Pick<WorkerOptions, "leaseMs" | "maxAttempts" | "backoffBaseMs" | "batchSize" | "concurrency"> & {
  idleMs?: number;
};

/**
 * The outbox worker's knobs as the environment sets them. Unset ones stay undefined so the
 * worker's own defaults apply; operators (and the reliability suite, which needs short leases
 * and backoffs to finish in seconds) override only what they name.
 */
export function workerTuningFromEnv(
  e: Pick<Env, "OUTBOX_LEASE_MS" | "OUTBOX_MAX_ATTEMPTS" | "OUTBOX_BACKOFF_BASE_MS" | "OUTBOX_BATCH_SIZE" | "OUTBOX_IDLE_MS" | "OUTBOX_CONCURRENCY">,
): WorkerTuning {
  const tuning: WorkerTuning = {
    leaseMs: e.OUTBOX_LEASE_MS,
    maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
    batchSize: e.OUTBOX_BATCH_SIZE,
    idleMs: e.OUTBOX_IDLE_MS,
    concurrency: e.OUTBOX_CONCURRENCY,
  };
  return Object.fromEntries(Object.entries(tuning).filter(([, value]) => value !== undefined)) as WorkerTuning;
}
