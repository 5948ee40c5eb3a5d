import path from "node:path";
import { Worker } from "node:worker_threads";
import { newTrackingToken } from "@/lib/orders/tracking-token";
import { encodeDemoOrders, type EncodedBatch } from "./bulk-insert";
import { generateDemoOrder, type DemoContext, type DemoOrder } from "./demo-orders";
import { Random } from "./random";

const DAY = 86_400_000;
const HISTORY_DAYS = 60;

/** Which orders a seed run makes: the same plan always gives the same orders. */
export type BatchPlan = {
  seed: number;
  /** Orders that existed before: order k of this run is the stream's item ordersBefore + k. */
  ordersBefore: number;
  missing: number;
  batchSize: number;
  /** Epoch ms; no event is dated after it. */
  now: number;
};

export type WorkerInit = { ctx: DemoContext; plan: BatchPlan };

/** Generates and encodes the batch of this run's orders starting at `from`. */
export function buildDemoBatch(ctx: DemoContext, plan: BatchPlan, from: number): EncodedBatch {
  const window = HISTORY_DAYS * DAY;
  const end = Math.min(from + plan.batchSize, plan.missing);
  const orders: DemoOrder[] = [];
  for (let k = from; k < end; k++) {
    const rng = Random.forIndex(plan.seed, plan.ordersBefore + k);
    // Creation dates rise with k and crowd towards today, like a growing shop's: about a
    // quarter of the orders are from the last week, so the board has work in progress.
    const fraction = (k + rng.next()) / plan.missing;
    const createdAt = Math.round(Math.min(plan.now - window * (1 - fraction) ** 1.5, plan.now - 60_000));
    orders.push(generateDemoOrder({ rng, ctx, createdAt, trackingToken: newTrackingToken() }));
  }
  return encodeDemoOrders(orders);
}

type BatchWorker = { request: (from: number) => Promise<EncodedBatch>; stop: () => Promise<void> };

function startWorker(init: WorkerInit): BatchWorker {
  // The worker runs TypeScript the way the scripts do, through tsx's require hook (loader
  // flags do not reach a worker's entry file). Where tsx is missing the worker fails to start
  // and the caller generates in-thread instead.
  const entry = path.join(__dirname, "demo-worker.ts");
  const worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: init,
  });
  return {
    request: (from) =>
      new Promise<EncodedBatch>((resolve, reject) => {
        const done = () => {
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
        };
        const onMessage = (batch: EncodedBatch) => {
          done();
          resolve(batch);
        };
        const onError = (error: Error) => {
          done();
          reject(error);
        };
        const onExit = (code: number) => {
          done();
          reject(new Error(`demo data worker exited (code ${code})`));
        };
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        worker.postMessage(from);
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/**
 * The run's batches, in order. With more than one batch, a worker thread generates the next
 * batch while the database inserts the current one: PGlite keeps the main thread busy, and the
 * machines have a second core.
 */
export async function* demoBatches(
  ctx: DemoContext,
  plan: BatchPlan,
  options: { worker: boolean; log?: (message: string) => void },
): AsyncGenerator<EncodedBatch> {
  const starts: number[] = [];
  for (let from = 0; from < plan.missing; from += plan.batchSize) starts.push(from);

  let worker: BatchWorker | undefined;
  let pending: Promise<EncodedBatch> | undefined;
  if (options.worker && starts.length > 1) {
    try {
      worker = startWorker({ ctx, plan });
      pending = worker.request(starts[0] ?? 0);
      // Wait for the first batch here: a worker that cannot start is a reason to fall back,
      // a failure later on is a real error.
      const first = await pending;
      pending = Promise.resolve(first);
      options.log?.("  (generating on a worker thread)");
    } catch (error) {
      options.log?.(`  (worker thread unavailable, generating in-thread: ${String(error).split("\n")[0]})`);
      await worker?.stop();
      worker = undefined;
      pending = undefined;
    }
  }

  if (!worker || !pending) {
    for (const from of starts) yield buildDemoBatch(ctx, plan, from);
    return;
  }

  try {
    for (let i = 0; i < starts.length; i++) {
      const batch: EncodedBatch = await pending;
      const next = starts[i + 1];
      if (next !== undefined) {
        pending = worker.request(next);
        // If the consumer stops early, the worker is terminated and this request rejects.
        pending.catch(() => {});
      }
      yield batch;
    }
  } finally {
    await worker.stop();
  }
}
