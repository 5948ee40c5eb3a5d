import type { Db } from "@/db";
import { deliverDueMessages, type WorkerOptions } from "./worker";

export type WorkerLoop = { stop: () => Promise<void> };

/**
 * Polls the outbox: a full batch means more may be waiting, so the next pass starts at once;
 * otherwise it sleeps. An error (database restarting, say) is logged and the loop carries on.
 */
export function startWorkerLoop(db: Db, options: WorkerOptions & { idleMs?: number; log?: (line: string) => void }): WorkerLoop {
  const idleMs = options.idleMs ?? 2_000;
  const log = options.log ?? (() => {});
  let running = true;
  let wake: (() => void) | undefined;

  const done = (async () => {
    while (running) {
      let busy = false;
      try {
        const tally = await deliverDueMessages(db, options);
        busy = tally.claimed >= (options.batchSize ?? 20);
        if (tally.claimed) log(`outbox: ${tally.sent} sent, ${tally.retry} to retry, ${tally.dead} dead`);
      } catch (error) {
        log(`outbox worker error: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!busy && running) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, idleMs)));
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await done;
    },
  };
}
