import { describe, expect, it } from "vitest";
import { workerTuningFromEnv } from "./worker-tuning";

describe("workerTuningFromEnv", () => {
  it("maps each variable the operator set onto the worker option it names", () => {
    expect(
      workerTuningFromEnv({
        OUTBOX_LEASE_MS: 5_000,
        OUTBOX_MAX_ATTEMPTS: 20,
        OUTBOX_BACKOFF_BASE_MS: 100,
        OUTBOX_BATCH_SIZE: 7,
        OUTBOX_IDLE_MS: 50,
        OUTBOX_CONCURRENCY: 3,
      }),
    ).toEqual({ leaseMs: 5_000, maxAttempts: 20, backoffBaseMs: 100, batchSize: 7, idleMs: 50, concurrency: 3 });
  });

  it("leaves unset knobs out, so spreading the tuning keeps the worker's defaults", () => {
    expect(workerTuningFromEnv({ OUTBOX_LEASE_MS: 2_000 })).toEqual({ leaseMs: 2_000 });
    expect(Object.keys(workerTuningFromEnv({}))).toEqual([]);
  });
});
