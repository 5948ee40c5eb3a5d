import { parentPort, workerData } from "node:worker_threads";
import { buildDemoBatch, type WorkerInit } from "./demo-batches";

// Worker thread for `demoBatches`: builds the batch starting at each position it is sent.
const { ctx, plan } = workerData as WorkerInit;

parentPort?.on("message", (from: number) => {
  parentPort?.postMessage(buildDemoBatch(ctx, plan, from));
});
