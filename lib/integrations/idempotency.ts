import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { compileQuery, placeholderFor } from "@/db/compiled-query";
import { inOwnTransaction, inTransaction } from "@/db/transaction";
import { idempotencyKeys } from "@/db/schema";

/** A stored or fresh answer to a POST: what the client gets back, byte for byte on a replay. */
export type StoredResponse = { status: number; body: unknown };

export type IdempotentRequest = { apiKeyId: number; key: string; method: string; path: string; body: unknown };

export type IdempotentOutcome =
  | { kind: "fresh"; response: StoredResponse }
  | { kind: "replayed"; response: StoredResponse }
  | { kind: "conflict" };

/** A request run in steps may also find its key claimed by a duplicate that has not finished (ADR 0140). */
export type StepwiseOutcome = IdempotentOutcome | { kind: "in_progress" };

type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/** Records older than this may be purged: a client retries within minutes, not days. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Keys are printable ASCII, like Stripe's and the IETF draft's examples (UUIDs, ULIDs). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest("hex");
}

async function existingRecord(db: DbOrTx, request: IdempotentRequest, lock = false): Promise<IdempotencyRecord> {
  const query = db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, request.apiKeyId), eq(idempotencyKeys.key, request.key)));
  const [existing] = await (lock ? query.for("update") : query);
  if (!existing) throw new Error("idempotency record vanished");
  return existing;
}

/** What a repeat of a request gets from the record its key left. */
function repeatOf(existing: IdempotencyRecord, hash: string): Exclude<StepwiseOutcome, { kind: "fresh" }> {
  if (existing.requestHash !== hash) return { kind: "conflict" };
  if (existing.responseStatus === null) return { kind: "in_progress" };
  return { kind: "replayed", response: { status: existing.responseStatus, body: existing.responseBody } };
}

// Every POST with an Idempotency-Key claims it and stores its answer: both built once (see compileQuery).
const insertClaim = compileQuery<{ id: number }[], { apiKeyId: number; key: string; method: string; path: string; requestHash: string }>(
  "idempotency.claim",
  (db) =>
    db
      .insert(idempotencyKeys)
      .values({
        apiKeyId: sql.placeholder("apiKeyId"),
        key: sql.placeholder("key"),
        method: sql.placeholder("method"),
        path: sql.placeholder("path"),
        requestHash: sql.placeholder("requestHash"),
      })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id }),
  { id: idempotencyKeys.id },
);

const storeAnswer = compileQuery<unknown, { id: number; responseStatus: number; responseBody: unknown; completedAt: Date }>("idempotency.storeResponse", (db) =>
  db
    .update(idempotencyKeys)
    .set({
      responseStatus: placeholderFor("responseStatus", idempotencyKeys.responseStatus),
      responseBody: placeholderFor("responseBody", idempotencyKeys.responseBody),
      completedAt: placeholderFor("completedAt", idempotencyKeys.completedAt),
    })
    .where(eq(idempotencyKeys.id, sql.placeholder("id"))),
);

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects: its outcome is read later, once something else has been awaited. */
function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** The claim was taken by an earlier request: everything this one did is rolled back, its answer read after. */
type Duplicate = { kind: "duplicate" };

/** A fresh answer whose record is still being stored when the transaction commits. */
type Storing = { kind: "fresh"; response: StoredResponse; storing?: Promise<Settled<unknown>> };

/**
 * Runs a POST at most once per (API key, Idempotency-Key). One transaction holds the whole
 * request: it claims the key, runs `perform` with that transaction (the services join it:
 * db/transaction.ts), then stores the response. The write and its stored answer therefore commit
 * together or not at all.
 *
 * The claim and the work are sent together (ADR 0146): the work's first statements go out in the
 * claim's write and run behind it on the same connection. A concurrent duplicate's claim waits on
 * the unique index until the first request commits, so its work runs only afterwards, and is then
 * rolled back whatever it did, once it has finished: the claim found the key taken, and the
 * duplicate gets the stored answer (or a conflict), read after the rollback.
 *
 * Only successes are stored. A refusal (4xx) wrote nothing, so its record is rolled back with it
 * and a retry is evaluated afresh: an order refused for want of payment can move once paid.
 */
export async function runIdempotent(
  db: DbOrTx,
  request: IdempotentRequest,
  perform: (tx: Tx) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const hash = requestHash(request.method, request.path, request.body);
  // A transaction of its own even inside a caller's: a duplicate's work must go, whatever the caller keeps.
  const outcome = await inOwnTransaction(
    db,
    async (tx): Promise<Storing | Exclude<IdempotentOutcome, { kind: "fresh" }> | Duplicate> => {
      const claiming = settle(insertClaim(tx, { apiKeyId: request.apiKeyId, key: request.key, method: request.method, path: request.path, requestHash: hash }));
      const working = settle(perform(tx));
      const claim = await claiming;
      // Whatever the claim found, the work is waited for before the transaction ends: a statement
      // it sent after the ROLLBACK would run on the same connection outside any transaction, and stay.
      const work = await working;
      if (!claim.ok) throw claim.error;
      const [claimed] = claim.value;
      if (!claimed) return { kind: "duplicate" };
      if (!work.ok) throw work.error;
      const response = work.value;
      if (response.status >= 300) return { kind: "fresh", response };
      // Not awaited here: the stored answer goes out with the COMMIT, in one write (ADR 0147).
      // Should it fail, Postgres turns the COMMIT into a rollback, and its error is thrown below.
      const storing = settle(storeAnswer(tx, { id: claimed.id, responseStatus: response.status, responseBody: response.body, completedAt: new Date() }));
      return { kind: "fresh", response, storing };
    },
    // A refusal's record goes with everything else it wrote; a duplicate's work is never kept.
    (outcome) => outcome.kind === "fresh" && outcome.response.status < 300,
  );
  if (outcome.kind === "fresh") {
    const stored = await outcome.storing;
    if (stored && !stored.ok) throw stored.error;
    return { kind: "fresh", response: outcome.response };
  }
  if (outcome.kind !== "duplicate") return outcome;
  const repeat = repeatOf(await existingRecord(db, request), hash);
  // Only a request run in steps leaves a claim unanswered, and its path is never this one's.
  if (repeat.kind === "in_progress") throw new Error("idempotency record is incomplete");
  return repeat;
}

/**
 * How long a claim of a request run in steps holds before a retry may take it over: far longer
 * than 100 status changes take, so only a claim whose process died (a crash, a deploy) lapses.
 */
export const IDEMPOTENCY_CLAIM_LEASE_MS = 5 * 60 * 1000;

type Claim = { kind: "claimed"; id: number } | Exclude<StepwiseOutcome, { kind: "fresh" }>;

/**
 * Claims the key in a short transaction of its own and commits the claim, so a concurrent
 * duplicate finds it at once (`in_progress`) instead of waiting for the whole request. A claim
 * older than the lease, never completed, is taken over: its request died part way.
 */
function claimKey(db: DbOrTx, request: IdempotentRequest, hash: string): Promise<Claim> {
  return inTransaction(
    db,
    async (tx): Promise<Claim> => {
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ apiKeyId: request.apiKeyId, key: request.key, method: request.method, path: request.path, requestHash: hash })
        .onConflictDoNothing()
        .returning({ id: idempotencyKeys.id });
      if (claimed) return { kind: "claimed", id: claimed.id };
      const existing = await existingRecord(tx, request, true);
      const repeat = repeatOf(existing, hash);
      if (repeat.kind !== "in_progress") return repeat;
      // The database's clock decides the lease, as it stamped the claim.
      const [takenOver] = await tx
        .update(idempotencyKeys)
        .set({ createdAt: sql`now()` })
        .where(
          and(
            eq(idempotencyKeys.id, existing.id),
            isNull(idempotencyKeys.responseStatus),
            lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${IDEMPOTENCY_CLAIM_LEASE_MS / 1000})`),
          ),
        )
        .returning({ id: idempotencyKeys.id });
      return takenOver ? { kind: "claimed", id: takenOver.id } : repeat;
    },
    () => true,
  );
}

/** Gives a claim up: the request answered a refusal or failed, and a retry is to be evaluated afresh. */
async function releaseClaim(db: DbOrTx, id: number): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, id), isNull(idempotencyKeys.responseStatus)));
}

/**
 * Runs a POST whose work commits in several transactions of its own (a bulk status change: one
 * per order) at most once per (API key, Idempotency-Key), as ADR 0140 decides: the key is claimed
 * and the claim committed first, then `perform` runs on `db`, then its answer is stored on the
 * claim. A duplicate meanwhile gets `in_progress`; one afterwards the stored answer. A refusal or
 * a failure gives the claim up, as `runIdempotent` keeps only successes: the steps that did
 * commit stay, and a retry runs again and finds them done.
 */
export async function runIdempotentInSteps(
  db: DbOrTx,
  request: IdempotentRequest,
  perform: () => Promise<StoredResponse>,
): Promise<StepwiseOutcome> {
  const claim = await claimKey(db, request, requestHash(request.method, request.path, request.body));
  if (claim.kind !== "claimed") return claim;
  let response: StoredResponse;
  try {
    response = await perform();
  } catch (error) {
    // If the database is what failed, the claim stays until its lease lapses; the error is the news.
    await releaseClaim(db, claim.id).catch(() => undefined);
    throw error;
  }
  if (response.status >= 300) {
    await releaseClaim(db, claim.id);
    return { kind: "fresh", response };
  }
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body, completedAt: new Date() })
    // A request slower than the lease, whose claim a retry took over and answered, keeps that answer.
    .where(and(eq(idempotencyKeys.id, claim.id), isNull(idempotencyKeys.responseStatus)));
  return { kind: "fresh", response };
}

/** Deletes records past the retention window; returns how many went. */
export async function purgeIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
