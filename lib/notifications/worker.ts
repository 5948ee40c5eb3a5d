import { and, asc, eq, exists, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { outbox, webhookEndpoints, type OutboxKind, type OutboxRow, type Settings } from "@/db/schema";
import { sendWebhookRow } from "@/lib/integrations/webhooks/deliver";
import { getSettings } from "@/lib/settings";
import { isAccountEmailPayload, sendAccountEmailRow } from "./account-email";
import { composeEmail } from "./compose-email";
import { recordOutcome, renderFailure, type DeliveryResult, type RowOutcome } from "./delivery-outcome";
import { batchOf, deliverBatch, giveUp, letWait, planDeliveries, type EmailBatch } from "./email-batches";
import { inLanes } from "./in-lanes";
import { templateOfMessage } from "./message-template";
import { pacedEmailProvider } from "./provider-pace";
import { renderSms } from "./render";
import { smsRecipient } from "./sms-recipient";
import { transliteratesSms, withoutPolishLetters } from "./transliterate";
import { WORKER_DEFAULTS, type WorkerOptions } from "./worker-options";

export type { WorkerOptions } from "./worker-options";
export type { DeliveryResult } from "./delivery-outcome";

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
  if (row.kind === "sms") {
    const { template, variables } = await templateOfMessage(db, row, settings);
    const rendered = renderSms(template, variables);
    const text = transliteratesSms(template, settings) ? withoutPolishLetters(rendered) : rendered;
    const to = smsRecipient(row.recipient);
    if (!to.ok) return { ok: false, retryable: false, error: to.error.message, body: text };
    const outcome = await options.sms.sendSms({ to: to.value, text, idempotencyKey: row.idempotencyKey });
    return { ...outcome, body: text };
  }
  const message = await composeEmail(db, row, settings);
  const outcome = await options.email.sendEmail(message);
  return { ...outcome, subject: message.subject, body: message.html };
}

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
    outcome = renderFailure(error, options.random);
  }
  return recordOutcome(db, row, outcome, options);
}

export type WorkerTally = Record<DeliveryResult, number> & { claimed: number };

/**
 * One pass: claim due rows and deliver them, up to `concurrency` sends at once: emails in batches
 * where the provider takes them (`planDeliveries`), every other row on its own. A recipient's rows
 * sent on their own go one after another, in the order claimed, so a customer reads "paid" before
 * "shipped". Emails wait for the provider's rate limit, shared by every worker; a turn may be
 * taken at most half a lease ahead, so a row is sent well within its claim or goes back unsent.
 */
export async function deliverDueMessages(db: DbOrTx, options: WorkerOptions): Promise<WorkerTally> {
  const leaseMs = options.leaseMs ?? WORKER_DEFAULTS.leaseMs;
  const rows = await claimDueMessages(db, { batchSize: options.batchSize ?? WORKER_DEFAULTS.batchSize, leaseMs });
  const tally: WorkerTally = { claimed: rows.length, sent: 0, retry: 0, deferred: 0, dead: 0, lost_claim: 0 };
  if (rows.length === 0) return tally;
  const settings = await getSettings(db);
  const paced: WorkerOptions = { ...options, email: pacedEmailProvider(db, options.email, { horizonMs: leaseMs / 2 }) };
  const plan = await planDeliveries(db, rows, paced.email, leaseMs);
  await letWait(db, plan.waiting, options, tally);
  await giveUp(db, plan.broken, options, tally);
  type Send = { row: OutboxRow } | { batch: EmailBatch };
  const sends: Send[] = [...plan.batches.map((batch) => ({ batch })), ...plan.singles.map((row) => ({ row }))];
  const lane = (send: Send) => ("row" in send ? `${send.row.kind}:${send.row.recipient}` : `batch:${send.batch.members[0]!.id}`);
  await inLanes(sends, options.concurrency ?? WORKER_DEFAULTS.concurrency, lane, async (send) => {
    if ("batch" in send) await deliverBatch(db, send.batch, paced, settings, tally);
    else tally[await deliverClaimed(db, send.row, paced, settings)] += 1;
  });
  return tally;
}

/** Puts a dead row back in the queue now (the admin's retry button). */
export async function retryDeadMessage(db: DbOrTx, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: outbox.id, providerMessageId: outbox.providerMessageId })
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.state, "dead")));
  if (!row) return false;
  // An email that went in a batch comes back with the batch: it only ever goes again whole.
  const updated = await db
    .update(outbox)
    .set({ state: "pending", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(batchOf(row), eq(outbox.state, "dead")))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
