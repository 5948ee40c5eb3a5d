import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { outbox, type OutboxRow, type Settings } from "@/db/schema";
import { isAccountEmailPayload } from "./account-email";
import { composeEmail } from "./compose-email";
import { recordOutcome, renderFailure, type DeliveryResult, type RowOutcome } from "./delivery-outcome";
import type { OutboxPayload, TemplateMemo } from "./message-template";
import type { EmailMessage, EmailProvider } from "./providers/types";
import type { WorkerOptions } from "./worker-options";

/**
 * Emails in batches (ADR 0156): one provider request carries up to `batchSize` of them, under one
 * idempotency key. Exactly once holds because a batch, once it may have left, never changes: its
 * key is written on each member's row (`provider_message_id`, `batch:<hash>`, until the provider's
 * own id replaces it) before the request goes, and whichever worker sends it again sends the same
 * members, rendered the same, under the same key, so the provider answers it instead of sending it
 * twice. A batch whose members another worker holds waits; it never goes in parts.
 */
const BATCH_PREFIX = "batch:";

/**
 * What one pass does: rows one by one, batches (new ones have no key yet), rows whose batch another
 * worker holds part of (`waiting`), and rows whose batch can never go whole again (`broken`: a
 * fellow member is dead, cancelled or skipped).
 */
export type DeliveryPlan = { singles: OutboxRow[]; batches: EmailBatch[]; waiting: OutboxRow[]; broken: OutboxRow[] };
/** `members`: the whole batch in its order (sent ones too, when it goes again); `held`: this worker's claims among them. */
export type EmailBatch = { key: string | null; members: OutboxRow[]; held: OutboxRow[] };

type Tally = Record<DeliveryResult, number>;

export function isBatchKey(value: string | null): value is string {
  return value?.startsWith(BATCH_PREFIX) ?? false;
}

/** Emails a batch may carry: the provider sends attachments only one by one; account links go alone. */
function batchable(row: OutboxRow): boolean {
  if (row.kind !== "email" || isAccountEmailPayload(row.payload)) return false;
  return !((row.payload as OutboxPayload).attachments?.length ?? 0);
}

/** A batch's key, from its members' own keys: the same members always make the same key. */
function batchKeyOf(members: OutboxRow[]): string {
  const hash = createHash("sha256");
  for (const row of members) hash.update(row.idempotencyKey).update("\n");
  return `${BATCH_PREFIX}${hash.digest("base64url")}`;
}

/**
 * Splits a claim: emails that went in a batch before go again in that batch, whole (their
 * fellow members are claimed too, due or not; held by another worker, they wait); other
 * emails a batch may carry form new batches of up to the provider's `batchSize`, in the claim's
 * order; everything else goes one by one.
 */
export async function planDeliveries(db: DbOrTx, rows: OutboxRow[], provider: EmailProvider, leaseMs: number): Promise<DeliveryPlan> {
  const size = provider.sendBatch ? (provider.batchSize ?? 1) : 1;
  // With batches switched off, an email that went in one goes alone (ADR 0156 names the risk).
  const inBatches = provider.sendBatch ? rows.filter((r) => r.kind === "email" && isBatchKey(r.providerMessageId)) : [];
  const fresh = size > 1 ? rows.filter((r) => !inBatches.includes(r) && batchable(r)) : [];
  const singles = rows.filter((r) => !inBatches.includes(r) && !fresh.includes(r));
  const plan: DeliveryPlan = { singles, batches: [], waiting: [], broken: [] };
  for (let i = 0; i < fresh.length; i += size) {
    const chunk = fresh.slice(i, i + size);
    if (chunk.length === 1) plan.singles.push(chunk[0]!);
    else plan.batches.push({ key: null, members: chunk, held: chunk });
  }
  if (inBatches.length) await gatherBatches(db, inBatches, leaseMs, plan);
  return plan;
}

async function gatherBatches(db: DbOrTx, held: OutboxRow[], leaseMs: number, plan: DeliveryPlan): Promise<void> {
  const keys = [...new Set(held.map((r) => r.providerMessageId!))];
  // A batch goes whole: its members not due yet, or orphaned by a worker that died, are claimed now.
  const joined = await db
    .update(outbox)
    .set({ state: "sending", attempts: sql`${outbox.attempts} + 1`, lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(
      and(
        inArray(outbox.providerMessageId, keys),
        or(eq(outbox.state, "pending"), and(eq(outbox.state, "sending"), lte(outbox.lockedUntil, sql`now()`))),
      ),
    )
    .returning();
  const mine = [...held, ...joined];
  const members = await db.select().from(outbox).where(inArray(outbox.providerMessageId, keys)).orderBy(asc(outbox.id));
  for (const key of keys) {
    const all = members.filter((m) => m.providerMessageId === key);
    const heldHere = mine.filter((m) => m.providerMessageId === key).sort((a, b) => a.id - b.id);
    const elsewhere = all.filter((m) => m.state !== "sent" && !heldHere.some((h) => h.id === m.id));
    if (elsewhere.length === 0) plan.batches.push({ key, members: all, held: heldHere });
    else if (elsewhere.some((m) => m.state === "dead" || m.state === "cancelled" || m.state === "skipped")) plan.broken.push(...heldHere);
    else plan.waiting.push(...heldHere);
  }
}

/**
 * The rows of a batch another worker holds part of go back to the queue, unsent and not counted,
 * for a second or so: the one holding the rest sends it whole, or, if it died, a later claim
 * gathers it.
 */
export async function letWait(db: DbOrTx, rows: OutboxRow[], options: WorkerOptions, tally: Tally): Promise<void> {
  const random = options.random ?? Math.random;
  for (const row of rows) {
    const outcome: RowOutcome = { ok: false, retryable: true, notSent: true, error: "batch held elsewhere", retryAfterMs: 500 + random() * 1000 };
    tally[await recordOutcome(db, row, outcome, options)] += 1;
  }
}

/** A batch that can never go whole again: its rows wait for a person (retrying one brings back its batch). */
export async function giveUp(db: DbOrTx, rows: OutboxRow[], options: WorkerOptions, tally: Tally): Promise<void> {
  const outcome: RowOutcome = { ok: false, retryable: false, error: "batch: a message sent with this one is dead, cancelled or skipped" };
  for (const row of rows) tally[await recordOutcome(db, row, outcome, options)] += 1;
}

/** Sends one batch and records it: every held member sent with its id, or each one's failure. */
export async function deliverBatch(db: DbOrTx, batch: EmailBatch, options: WorkerOptions, settings: Settings, tally: Tally): Promise<void> {
  const messages = new Map<number, EmailMessage>();
  const templates: TemplateMemo = new Map();
  let failure: unknown;
  for (const row of batch.members) {
    try {
      messages.set(row.id, await composeEmail(db, row, settings, templates));
    } catch (error) {
      failure ??= error;
      // A new batch leaves out a member it cannot render; one that went before must go again whole.
      if (batch.key === null) tally[await recordOutcome(db, row, renderFailure(error, options.random), options)] += 1;
    }
  }
  if (batch.key !== null && failure !== undefined) {
    for (const row of batch.held) tally[await recordOutcome(db, row, renderFailure(failure, options.random), options)] += 1;
    return;
  }
  const ready = batch.key === null ? await markBatch(db, batch.members.filter((m) => messages.has(m.id)), tally) : batch;
  if (!ready) return;

  const outcome = await options.email.sendBatch!(
    ready.members.map((m) => messages.get(m.id)!),
    ready.key!,
  );
  if (outcome.ok) {
    await recordBatchSent(db, ready, outcome.providerMessageIds, messages, tally);
    return;
  }
  if (!outcome.retryable && !outcome.notSent && ready.members.every((m) => m.state !== "sent")) {
    // Refused as a whole (one invalid email refuses all, none sent): each goes on its own now,
    // under its own key, so one bad address does not hold back the rest.
    await releaseBatch(db, ready);
    for (const row of ready.held) tally[await sendAlone(db, row, messages.get(row.id)!, options)] += 1;
    return;
  }
  for (const row of ready.held) tally[await recordOutcome(db, row, outcome, options)] += 1;
}

/**
 * Writes a new batch's key on its members' rows (those still this worker's), before it may leave.
 * Its members go in id order, the order `gatherBatches` finds them in when it goes again: the
 * same emails in another order are another request to the provider, refused under the same key.
 */
async function markBatch(db: DbOrTx, claimed: OutboxRow[], tally: Tally): Promise<EmailBatch | undefined> {
  if (claimed.length === 0) return undefined;
  const rows = [...claimed].sort((a, b) => a.id - b.id);
  const key = batchKeyOf(rows);
  const marked = await db
    .update(outbox)
    .set({ providerMessageId: key })
    .where(and(eq(outbox.state, "sending"), claimedAsHeld(rows)))
    .returning({ id: outbox.id });
  const members = rows.filter((r) => marked.some((m) => m.id === r.id)).map((r) => ({ ...r, providerMessageId: key }));
  tally.lost_claim += rows.length - members.length;
  return members.length ? { key, members, held: members } : undefined;
}

/** The rows' own claims, all at once: each id with the attempt it was claimed at. */
function claimedAsHeld(rows: OutboxRow[]) {
  return sql`(${outbox.id}, ${outbox.attempts}) in (${sql.join(
    rows.map((r) => sql`(${r.id}::bigint, ${r.attempts}::int)`),
    sql`, `,
  )})`;
}

/** Every held member sent, with its own id from the answer (in the batch's order), in one statement. */
async function recordBatchSent(db: DbOrTx, batch: EmailBatch, ids: string[], messages: Map<number, EmailMessage>, tally: Tally) {
  const values = batch.members
    .map((member, i) => ({ member, id: ids[i]! }))
    .filter(({ member }) => batch.held.some((h) => h.id === member.id))
    .map(({ member, id }) => {
      const message = messages.get(member.id)!;
      return sql`(${member.id}::bigint, ${member.attempts}::int, ${id}::text, ${message.subject}::text, ${message.html}::text)`;
    });
  const updated = await db
    .update(outbox)
    .set({
      state: "sent",
      sentAt: sql`now()`,
      lockedUntil: null,
      lastError: null,
      providerMessageId: sql`sent.provider_id`,
      renderedSubject: sql`sent.subject`,
      renderedBody: sql`sent.body`,
    })
    .from(sql`(values ${sql.join(values, sql`, `)}) as sent (id, attempts, provider_id, subject, body)`)
    .where(and(sql`${outbox.id} = sent.id`, sql`${outbox.attempts} = sent.attempts`, eq(outbox.state, "sending")))
    .returning({ id: outbox.id });
  tally.sent += updated.length;
  tally.lost_claim += values.length - updated.length;
}

/** A batch refused whole was never sent: its members lose its key and may go on their own. */
async function releaseBatch(db: DbOrTx, batch: EmailBatch): Promise<void> {
  await db
    .update(outbox)
    .set({ providerMessageId: null })
    .where(and(eq(outbox.providerMessageId, batch.key!), eq(outbox.state, "sending"), claimedAsHeld(batch.held)));
}

async function sendAlone(db: DbOrTx, row: OutboxRow, message: EmailMessage, options: WorkerOptions): Promise<DeliveryResult> {
  const outcome = await options.email.sendEmail(message);
  return recordOutcome(db, { ...row, providerMessageId: null }, { ...outcome, subject: message.subject, body: message.html }, options);
}

/**
 * The dead rows of the batch a dead row went in (the admin's retry): back together, as a batch
 * goes only whole. A row that went alone brings back only itself.
 */
export function batchOf(row: Pick<OutboxRow, "id" | "providerMessageId">) {
  return isBatchKey(row.providerMessageId) ? eq(outbox.providerMessageId, row.providerMessageId) : eq(outbox.id, row.id);
}
