import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, outbox, type OutboxKind, type OutboxRow } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { isDatabaseOutage } from "@/lib/database-outage";
import { nextWebhookAttemptDelayMs } from "@/lib/integrations/webhooks/retry-schedule";
import { backoffMs } from "./backoff";
import type { SendOutcome } from "./providers/types";
import { WORKER_DEFAULTS, type WorkerOptions } from "./worker-options";
import { errorMessage } from "@/lib/error-causes";

/** The row's own claim: a stale worker whose lease was taken over updates nothing. */
export function ownClaim(row: OutboxRow) {
  return and(eq(outbox.id, row.id), eq(outbox.state, "sending"), eq(outbox.attempts, row.attempts));
}

export type RowOutcome = SendOutcome & { subject?: string; body?: string };
/** How long a failed row waits before its next attempt, or null when it has had its attempts. */
type RetryDelay = (row: OutboxRow, outcome: SendOutcome & { ok: false }, options: WorkerOptions) => number | null;

function messageRetryDelay(row: OutboxRow, outcome: SendOutcome & { ok: false }, options: WorkerOptions): number | null {
  if (row.attempts >= (options.maxAttempts ?? WORKER_DEFAULTS.maxAttempts)) return null;
  return Math.max(backoffMs(row.attempts, options.random, options.backoffBaseMs), outcome.retryAfterMs ?? 0);
}

/**
 * Customers' messages are worth little after an hour of trying; a receiving system that is down
 * for a day still wants its events, so webhooks retry over days.
 */
const RETRY_DELAYS: Record<OutboxKind, RetryDelay> = {
  email: messageRetryDelay,
  sms: messageRetryDelay,
  webhook: (row, outcome, options) =>
    nextWebhookAttemptDelayMs(row.attempts, {
      schedule: options.webhooks?.retrySchedule,
      random: options.random,
      retryAfterMs: outcome.retryAfterMs,
    }),
};

/** `deferred`: not sent, back in the queue without counting as an attempt (the provider's rate was taken). */
export type DeliveryResult = "sent" | "retry" | "deferred" | "dead" | "lost_claim";

/**
 * Records what became of one claimed row: sent, back in the queue unsent, retry later (per its
 * kind's schedule), or dead. A row whose claim another worker took over meanwhile is left alone.
 */
export async function recordOutcome(db: DbOrTx, row: OutboxRow, outcome: RowOutcome, options: WorkerOptions): Promise<DeliveryResult> {
  if (outcome.ok) {
    const updated = await db
      .update(outbox)
      .set({
        state: "sent",
        sentAt: sql`now()`,
        lockedUntil: null,
        lastError: null,
        providerMessageId: outcome.providerMessageId,
        renderedSubject: outcome.subject ?? null,
        renderedBody: outcome.body ?? null,
      })
      .where(ownClaim(row))
      .returning({ id: outbox.id });
    return updated.length ? "sent" : "lost_claim";
  }

  if (outcome.notSent) {
    const updated = await db
      .update(outbox)
      .set({
        state: "pending",
        lockedUntil: null,
        attempts: sql`${outbox.attempts} - 1`,
        nextAttemptAt: sql`now() + make_interval(secs => ${(outcome.retryAfterMs ?? 0) / 1000})`,
      })
      .where(ownClaim(row))
      .returning({ id: outbox.id });
    return updated.length ? "deferred" : "lost_claim";
  }

  const delay = outcome.retryable ? RETRY_DELAYS[row.kind](row, outcome, options) : null;
  if (delay !== null) {
    const updated = await db
      .update(outbox)
      .set({
        state: "pending",
        lockedUntil: null,
        lastError: outcome.error,
        nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})`,
      })
      .where(ownClaim(row))
      .returning({ id: outbox.id });
    return updated.length ? "retry" : "lost_claim";
  }

  return inTransaction(db, async (tx) => {
    const updated = await tx
      .update(outbox)
      .set({ state: "dead", lockedUntil: null, lastError: outcome.error })
      .where(ownClaim(row))
      .returning({ id: outbox.id });
    if (!updated.length) return "lost_claim" as const;
    // A customer or admin message that never arrived belongs in the order's history; a failed
    // webhook belongs to the endpoint's deliveries log.
    if (row.orderId && row.kind !== "webhook") {
      await tx.insert(orderEvents).values({
        orderId: row.orderId,
        type: "notification_failed",
        actorType: "system",
        actorLabel: "Notifications",
        data: { outboxId: row.id, kind: row.kind, recipient: row.recipient, attempts: row.attempts, error: outcome.error },
      });
    }
    return "dead" as const;
  });
}

/** How long a message waits, plus up to a second, when the database went away while it was being prepared. */
const OUTAGE_WAIT_MS = 2_000;

/**
 * A message that failed before it was sent. A bug or a template that cannot render: retrying will
 * not mend it, so it is dead and a person must look. But when the database went away while the
 * message was being prepared (a restart, a crash: its template or order could not be read), it
 * goes back to the queue unsent, without using one of its attempts however long the outage lasts.
 */
export function renderFailure(error: unknown, random: () => number = Math.random): RowOutcome {
  const message = errorMessage(error);
  if (isDatabaseOutage(error)) {
    return { ok: false, retryable: true, notSent: true, error: `database: ${message}`, retryAfterMs: OUTAGE_WAIT_MS + random() * 1000 };
  }
  return { ok: false, retryable: false, error: `render: ${message}` };
}
