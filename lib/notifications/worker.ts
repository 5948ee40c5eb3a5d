import { and, asc, eq, exists, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { orderEvents, outbox, webhookEndpoints, type OutboxKind, type OutboxRow, type Settings } from "@/db/schema";
import { loadDocumentAttachments } from "@/lib/documents/attachments";
import { sendWebhookRow, type WebhookDeliveryOptions } from "@/lib/integrations/webhooks/deliver";
import { nextWebhookAttemptDelayMs } from "@/lib/integrations/webhooks/retry-schedule";
import { getSettings } from "@/lib/settings";
import { backoffMs } from "./backoff";
import { inLanes } from "./in-lanes";
import { pacedEmailProvider } from "./provider-pace";
import type { EmailProvider, SendOutcome, SmsProvider } from "./providers/types";
import { renderEmail, renderSms } from "./render";
import { senderAddress } from "./sender";
import { smsRecipient } from "./sms-recipient";
import { templateOfMessage, type OutboxPayload } from "./message-template";
import { transliteratesSms, withoutPolishLetters } from "./transliterate";
import { inTransaction } from "@/db/transaction";
import { isAccountEmailPayload, sendAccountEmailRow } from "./account-email";

export type WorkerOptions = {
  email: EmailProvider;
  sms: SmsProvider;
  /** After this many failed attempts an email or SMS row is marked dead and waits for a person
   * (webhook rows follow their own schedule: `webhooks.retrySchedule`). */
  maxAttempts?: number;
  /** How long a claim lasts; a worker that dies mid-send loses its rows to others after this. */
  leaseMs?: number;
  batchSize?: number;
  /**
   * Sends one worker keeps in flight at once. Most of a send is waiting for the provider, so a
   * few side by side keep up where one after another could not; the provider's own rate limit
   * (`EmailProvider.requestsPerSecond`) still holds, across every worker (ADR 0156).
   */
  concurrency?: number;
  random?: () => number;
  /** First retry delay of emails and SMS; later ones double (tests shorten it). */
  backoffBaseMs?: number;
  /** Timeout, private-network policy and auto-disable rule for `webhook` rows. */
  webhooks?: WebhookDeliveryOptions;
};

const DEFAULTS = { maxAttempts: 8, leaseMs: 60_000, batchSize: 20, concurrency: 4 };

/**
 * Claims due rows of every kind: pending ones whose time has come, and rows whose claim expired
 * (their worker died). SKIP LOCKED lets several workers claim side by side without waiting for or
 * taking each other's rows; each claim counts as an attempt. Webhook rows of a disabled endpoint
 * wait, unclaimed, until it is enabled again.
 */
export async function claimDueMessages(db: DbOrTx, options: { batchSize: number; leaseMs: number }): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        or(
          ne(outbox.kind, "webhook"),
          exists(
            db
              .select({ id: webhookEndpoints.id })
              .from(webhookEndpoints)
              .where(and(eq(webhookEndpoints.id, outbox.webhookEndpointId), eq(webhookEndpoints.enabled, true))),
          ),
        ),
        or(
          and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, sql`now()`)),
          and(eq(outbox.state, "sending"), lte(outbox.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(options.batchSize)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({
      state: "sending",
      attempts: sql`${outbox.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
    })
    .where(inArray(outbox.id, due))
    .returning();
  // RETURNING keeps no order; the queue's is the one rows are sent in.
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
}

/** The row's own claim: a stale worker whose lease was taken over updates nothing. */
function ownClaim(row: OutboxRow) {
  return and(eq(outbox.id, row.id), eq(outbox.state, "sending"), eq(outbox.attempts, row.attempts));
}

type RowOutcome = SendOutcome & { subject?: string; body?: string };
type RowSender = (db: DbOrTx, row: OutboxRow, settings: Settings, options: WorkerOptions) => Promise<RowOutcome>;

/** How each kind of row leaves the system. */
const SENDERS: Record<OutboxKind, RowSender> = {
  email: sendMessageRow,
  sms: sendMessageRow,
  webhook: (db, row, _settings, options) => sendWebhookRow(db, row, options.webhooks),
};

async function sendMessageRow(
  db: DbOrTx,
  row: OutboxRow,
  settings: Settings,
  options: WorkerOptions,
): Promise<RowOutcome> {
  // An invitation or password link (lib/accounts): its own email, no order, no template.
  if (row.kind === "email" && isAccountEmailPayload(row.payload)) return sendAccountEmailRow(row, settings, options.email);
  const payload = row.payload as OutboxPayload;
  const channel = row.kind === "sms" ? "sms" : "email";
  const { audience, locale, template, variables } = await templateOfMessage(db, row, settings);

  if (channel === "sms") {
    const rendered = renderSms(template, variables);
    const text = transliteratesSms(template, settings) ? withoutPolishLetters(rendered) : rendered;
    const to = smsRecipient(row.recipient);
    if (!to.ok) return { ok: false, retryable: false, error: to.error.message, body: text };
    const outcome = await options.sms.sendSms({ to: to.value, text, idempotencyKey: row.idempotencyKey });
    return { ...outcome, body: text };
  }
  const email = await renderEmail({ template, variables, settings, locale, audience });
  const attachments = await loadDocumentAttachments(db, payload.attachments ?? []);
  const outcome = await options.email.sendEmail({
    to: row.recipient,
    // The address the shop verified with its provider; else the support address, as before one was set.
    from: senderAddress(settings.shopName, settings.senderEmail ?? settings.supportEmail ?? "no-reply@orderly.local"),
    replyTo: settings.supportEmail ?? undefined,
    subject: email.subject,
    html: email.html,
    text: email.text,
    idempotencyKey: row.idempotencyKey,
    ...(attachments.length ? { attachments } : {}),
  });
  return { ...outcome, subject: email.subject, body: email.html };
}

/** How long a failed row waits before its next attempt, or null when it has had its attempts. */
type RetryDelay = (row: OutboxRow, outcome: SendOutcome & { ok: false }, options: WorkerOptions) => number | null;

function messageRetryDelay(row: OutboxRow, outcome: SendOutcome & { ok: false }, options: WorkerOptions): number | null {
  if (row.attempts >= (options.maxAttempts ?? DEFAULTS.maxAttempts)) return null;
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

/** Sends one claimed row and records the outcome: sent, retry later (per its kind's schedule), or dead. */
export async function deliverClaimed(
  db: DbOrTx,
  row: OutboxRow,
  options: WorkerOptions,
  settings?: Settings,
): Promise<DeliveryResult> {
  let outcome: RowOutcome;
  try {
    outcome = await SENDERS[row.kind](db, row, settings ?? (await getSettings(db)), options);
  } catch (error) {
    // A bug or a rendering failure: retrying will not help, a person must look.
    outcome = { ok: false, retryable: false, error: `render: ${error instanceof Error ? error.message : String(error)}` };
  }

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

export type WorkerTally = Record<DeliveryResult, number> & { claimed: number };

/**
 * One pass: claim a batch and deliver it, up to `concurrency` rows at once. Rows to the same
 * recipient still go one after another, in the order claimed, so a customer reads "paid" before
 * "shipped". Emails wait for the provider's rate limit, shared by every worker; a turn may be
 * taken at most half a lease ahead, so a row is sent well within its claim or goes back unsent.
 */
export async function deliverDueMessages(db: DbOrTx, options: WorkerOptions): Promise<WorkerTally> {
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const rows = await claimDueMessages(db, { batchSize: options.batchSize ?? DEFAULTS.batchSize, leaseMs });
  const tally: WorkerTally = { claimed: rows.length, sent: 0, retry: 0, deferred: 0, dead: 0, lost_claim: 0 };
  if (rows.length === 0) return tally;
  const settings = await getSettings(db);
  const paced: WorkerOptions = { ...options, email: pacedEmailProvider(db, options.email, { horizonMs: leaseMs / 2 }) };
  await inLanes(rows, options.concurrency ?? DEFAULTS.concurrency, (row) => `${row.kind}:${row.recipient}`, async (row) => {
    tally[await deliverClaimed(db, row, paced, settings)] += 1;
  });
  return tally;
}

/** Puts a dead row back in the queue now (the admin's retry button). */
export async function retryDeadMessage(db: DbOrTx, id: number): Promise<boolean> {
  const updated = await db
    .update(outbox)
    .set({ state: "pending", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.state, "dead")))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
