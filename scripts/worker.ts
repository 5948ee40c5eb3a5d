import { getDbHandle } from "@/db";
import { isDatabaseOutage } from "@/lib/database-outage";
import { env } from "@/lib/env";
import { providersFromEnv } from "@/lib/notifications/providers";
import { startWorkerLoop } from "@/lib/notifications/worker-loop";
import { workerTuningFromEnv } from "@/lib/notifications/worker-tuning";
import { errorMessage } from "@/lib/error-causes";

/** `npm run worker`: delivers the outbox outside the app processes (run as many as needed). */
async function main() {
  const handle = await getDbHandle();
  const providers = providersFromEnv();
  console.log(`Outbox worker and automation scheduler started (${handle.kind}; email: ${providers.email.name}, sms: ${providers.sms.name}).`);
  const loop = startWorkerLoop(handle.db, { ...providers, ...workerTuningFromEnv(env()), log: (line) => console.log(line) });
  const shutdown = async () => {
    console.log("Stopping: finishing the current batch…");
    await loop.stop();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

// A database outage rejects every promise waiting on the connection it cut. One that nothing
// awaits any more (somewhere on the driver's path or ours; not found yet, ADR 0168) would end the
// process in the middle of a restart it should outlive. What the outage interrupted is retried
// by the loop, so such a rejection is logged and the worker goes on; any other unhandled
// rejection is a bug and still ends the process.
process.on("unhandledRejection", (reason: unknown) => {
  if (!isDatabaseOutage(reason)) throw reason;
  console.error(`database out of reach (the loop retries): ${errorMessage(reason)}`);
});

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
