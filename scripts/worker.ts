import { getDbHandle } from "@/db";
import { env } from "@/lib/env";
import { providersFromEnv } from "@/lib/notifications/providers";
import { startWorkerLoop } from "@/lib/notifications/worker-loop";
import { workerTuningFromEnv } from "@/lib/notifications/worker-tuning";

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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
