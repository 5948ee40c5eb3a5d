import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { compileQuery, placeholderFor } from "@/db/compiled-query";
import { inTransaction } from "@/db/transaction";
import { idempotencyKeys } from "@/db/schema";

/** A stored or fresh answer to a POST: what the client gets back, byte for byte on a replay. */
export type StoredResponse = { status: number; body: unknown };

export type IdempotentRequest = { apiKeyId: number; key: string; method: string; path: string; body: unknown };

export type IdempotentOutcome =
  | { kind: "fresh"; response: StoredResponse }
  | { kind: "replayed"; response: StoredResponse }
  | { kind: "conflict" };

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

// Every POST with an Idempotency-Key claims it and stores its answer: both built once (see compileQuery).
const claimKey = compileQuery<{ id: number }[], { apiKeyId: number; key: string; method: string; path: string; requestHash: string }>(
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

const storeResponse = compileQuery<unknown, { id: number; responseStatus: number; responseBody: unknown; completedAt: Date }>("idempotency.storeResponse", (db) =>
  db
    .update(idempotencyKeys)
    .set({
      responseStatus: placeholderFor("responseStatus", idempotencyKeys.responseStatus),
      responseBody: placeholderFor("responseBody", idempotencyKeys.responseBody),
      completedAt: placeholderFor("completedAt", idempotencyKeys.completedAt),
    })
    .where(eq(idempotencyKeys.id, sql.placeholder("id"))),
);

/**
 * Runs a POST at most once per (API key, Idempotency-Key). One transaction holds the whole
 * request: it first claims the key (a concurrent duplicate waits on the unique index until this
 * one commits, then finds the stored answer), then runs `perform` with that transaction (the
 * services join it: db/transaction.ts), then stores the response. The write and its
 * stored answer therefore commit together or not at all.
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
  return inTransaction(
    db,
    async (tx): Promise<IdempotentOutcome> => {
      const [claimed] = await claimKey(tx, { apiKeyId: request.apiKeyId, key: request.key, method: request.method, path: request.path, requestHash: hash });
      if (!claimed) {
        const [existing] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.apiKeyId, request.apiKeyId), eq(idempotencyKeys.key, request.key)));
        if (!existing || existing.responseStatus === null) throw new Error("idempotency record vanished or is incomplete");
        if (existing.requestHash !== hash) return { kind: "conflict" };
        return { kind: "replayed", response: { status: existing.responseStatus, body: existing.responseBody } };
      }
      const response = await perform(tx);
      if (response.status >= 300) return { kind: "fresh", response };
      await storeResponse(tx, { id: claimed.id, responseStatus: response.status, responseBody: response.body, completedAt: new Date() });
      return { kind: "fresh", response };
    },
    // A refusal's record goes with everything else it wrote; a replay or conflict wrote nothing.
    (outcome) => outcome.kind !== "fresh" || outcome.response.status < 300,
  );
}

/** Deletes records past the retention window; returns how many went. */
export async function purgeIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
