/**
 * Runs once when the server starts: a broken environment (e.g. no AUTH_SECRET in production)
 * stops the server here, with the reason, instead of failing on the first request. Then every
 * request gets its client address stamped from the socket (lib/client-address), and the
 * outbox worker starts inside the app process, unless separate workers deliver it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ env }, { installClientAddressStamp }] = await Promise.all([import("@/lib/env"), import("@/lib/client-address")]);
  installClientAddressStamp(env().TRUSTED_PROXY_HOPS);
  if (env().WORKER_IN_APP === "false") return;

  // One loop per process, also across dev hot reloads.
  const global = globalThis as unknown as { orderlyWorker?: boolean };
  if (global.orderlyWorker) return;
  global.orderlyWorker = true;
  const [{ getDb }, { providersFromEnv }, { startWorkerLoop }, { workerTuningFromEnv }] = await Promise.all([
    import("@/db"),
    import("@/lib/notifications/providers"),
    import("@/lib/notifications/worker-loop"),
    import("@/lib/notifications/worker-tuning"),
  ]);
  startWorkerLoop(await getDb(), { ...providersFromEnv(), ...workerTuningFromEnv(env()), log: (line) => console.log(line) });
}
