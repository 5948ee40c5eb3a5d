import type { DbOrTx } from "@/db";
import { foldAnalyticsRollups } from "@/lib/analytics/fold";
import { runDueTimeRules } from "@/lib/automation/scheduler";
import { purgeIdempotencyKeys } from "@/lib/integrations/idempotency";
import { purgeRateLimitCounters } from "@/lib/rate-limit";
import { deliverDueMessages, type WorkerOptions } from "./worker";
import { errorMessage } from "@/lib/error-causes";

export type WorkerLoop = { stop: () => Promise<void> };

type LoopOptions = WorkerOptions & {
  idleMs?: number;
  /** How often the time-in-status automation rules are checked; 0 switches them off here. */
  scheduleEveryMs?: number;
  /** How often the status changes' analytics counts are folded into the rollups; 0 switches it off here. */
  foldEveryMs?: number;
  log?: (line: string) => void;
};

/**
 * Polls the outbox: a full batch means more may be waiting, so the next pass starts at once;
 * otherwise it sleeps. An error (database restarting, say) is logged and the loop carries on.
 * The same loop runs the automation scheduler once a minute: every process that delivers the
 * outbox also fires time rules, and their run log keeps several loops from firing one twice.
 * It also drops the API's stored idempotent answers once they are past their retention, and
 * rate-limit counts of windows long over, and every few seconds folds the analytics counts the
 * status changes left waiting into the rollups (ADR 0157).
 */
export function startWorkerLoop(db: DbOrTx, options: LoopOptions): WorkerLoop {
  const idleMs = options.idleMs ?? 2_000;
  const scheduleEveryMs = options.scheduleEveryMs ?? 60_000;
  const log = options.log ?? (() => {});
  let running = true;
  let wake: (() => void) | undefined;
  let lastSchedule = 0;
  const foldEveryMs = options.foldEveryMs ?? 5_000;
  let lastFold = 0;

  const done = (async () => {
    while (running) {
      let busy = false;
      if (scheduleEveryMs > 0 && Date.now() - lastSchedule >= scheduleEveryMs) {
        lastSchedule = Date.now();
        try {
          const tally = await runDueTimeRules(db);
          if (tally.checked) log(`automations: ${tally.fired} time rules fired, ${tally.failed} failed`);
          // Stored API answers are kept for a day (the retry window promised to API clients).
          const purged = await purgeIdempotencyKeys(db);
          if (purged) log(`idempotency: ${purged} stored answers older than a day removed`);
          const counters = await purgeRateLimitCounters(db);
          if (counters) log(`rate limits: ${counters} counts of past windows removed`);
        } catch (error) {
          log(`automation scheduler error: ${errorMessage(error)}`);
        }
      }
      if (foldEveryMs > 0 && Date.now() - lastFold >= foldEveryMs) {
        lastFold = Date.now();
        try {
          await foldAnalyticsRollups(db);
        } catch (error) {
          log(`analytics fold error: ${errorMessage(error)}`);
        }
      }
      try {
        const tally = await deliverDueMessages(db, options);
        busy = tally.claimed >= (options.batchSize ?? 20);
        if (tally.claimed) {
          const deferred = tally.deferred ? `, ${tally.deferred} back in the queue for the provider's rate limit` : "";
          log(`outbox: ${tally.sent} sent, ${tally.retry} to retry, ${tally.dead} dead${deferred}`);
        }
      } catch (error) {
        log(`outbox worker error: ${errorMessage(error)}`);
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
