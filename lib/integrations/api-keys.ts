import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { apiKeys, apiKeyScope, type ApiKey, type ApiKeyScope } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";

/** `ok_` plus 8 characters: shown in the admin, unique, enough to find a leaked key. */
const PREFIX_LENGTH = 11;
/** Writing `last_used_at` on every request would turn each read into a write; once a minute tells an admin enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const API_KEY_SCOPES = apiKeyScope.enumValues;

/** What a scope may do: each one includes the ones before it. */
const SCOPE_RANK: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

export function scopeAllows(granted: ApiKeyScope, needed: ApiKeyScope): boolean {
  return SCOPE_RANK[granted] >= SCOPE_RANK[needed];
}

export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. the system that will use it").max(100, "Keep the name under 100 characters"),
  scope: z.enum(API_KEY_SCOPES, { error: "Choose read, write or admin" }),
  createdByUserId: z.number().int().positive().optional(),
});

export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;
/** A key as the admin sees it: never the secret or its hash. */
export type ApiKeySummary = Omit<ApiKey, "secretHash">;

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function summaryOf({ secretHash: _hash, ...rest }: ApiKey): ApiKeySummary {
  return rest;
}

/**
 * Creates a key and returns the full secret: the only time it exists outside the caller's
 * hands, because only its SHA-256 is stored. A fast hash is enough: the secret is 192 random
 * bits, not a password anyone could guess.
 */
export async function createApiKey(
  db: DbOrTx,
  raw: CreateApiKeyInput,
  actor: AuditActor,
): Promise<Result<{ key: ApiKeySummary; secret: string }>> {
  const parsed = createApiKeyInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  return inTransaction(db, async (tx) => {
    // The prefix is unique; a clash of 48 random bits is unlikely, but a retry costs nothing.
    for (let attempt = 0; attempt < 3; attempt++) {
      const secret = `ok_${randomBytes(24).toString("base64url")}`;
      const [row] = await tx
        .insert(apiKeys)
        .values({ ...parsed.data, prefix: secret.slice(0, PREFIX_LENGTH), secretHash: hashSecret(secret) })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      await recordAudit(tx, { actor, kind: "api_key", action: "created", subject: { id: row.id, label: row.name }, after: auditedKey(row) });
      return ok({ key: summaryOf(row), secret });
    }
    throw new Error("could not generate a unique API key prefix");
  });
}

/**
 * A key as the audit trail keeps it: name, scope and whether it works. Never the secret, its hash,
 * nor even the prefix (the secret's first characters).
 */
function auditedKey(key: ApiKey): Record<string, unknown> {
  return { name: key.name, scope: key.scope, revoked: key.revokedAt !== null };
}

/** Revokes a key at once; it stays listed (with the time) so the admin sees what it was. */
export async function revokeApiKey(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<ApiKeySummary>> {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!existing) return refuse("not_found", "This API key does not exist.");
    if (existing.revokedAt) return ok(summaryOf(existing));
    const [row] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
    await recordAudit(tx, {
      actor,
      kind: "api_key",
      action: "revoked",
      subject: { id: row!.id, label: row!.name },
      before: auditedKey(existing),
      after: auditedKey(row!),
    });
    return ok(summaryOf(row!));
  });
}

/** Every key, newest first, revoked ones included. */
export async function listApiKeys(db: DbOrTx): Promise<ApiKeySummary[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(summaryOf);
}

// Run by every API request: built once (see compileQuery).
const selectKeyByPrefix = compileQuery<ApiKey[], { prefix: string }>(
  "apiKeys.byPrefix",
  (db) => db.select().from(apiKeys).where(eq(apiKeys.prefix, sql.placeholder("prefix"))),
  getTableColumns(apiKeys),
);

/** What a bearer token is looked up by (its visible prefix) and compared with (its hash); undefined when it cannot be a key. */
export function presentedKey(token: string | null | undefined): { prefix: string; secretHash: string } | undefined {
  if (!token || !token.startsWith("ok_") || token.length < PREFIX_LENGTH + 8 || token.length > 200) return undefined;
  return { prefix: token.slice(0, PREFIX_LENGTH), secretHash: hashSecret(token) };
}

const DENIED = "The API key is missing, wrong or revoked.";

/**
 * Whether the row found by the token's prefix is the token's live key: the hashes are compared
 * in constant time, so response timing says nothing about the secret. Every failure answers the
 * same `unauthorized`, so a caller cannot tell a revoked key from a made-up one. Notes the use
 * (to the minute).
 */
export async function acceptApiKey(db: DbOrTx, token: string, row: ApiKey | undefined, now = new Date()): Promise<Result<ApiKeySummary>> {
  const presented = presentedKey(token);
  if (!presented || !row) return refuse("unauthorized", DENIED);
  const given = Buffer.from(presented.secretHash, "hex");
  const stored = Buffer.from(row.secretHash, "hex");
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return refuse("unauthorized", DENIED);
  if (row.revokedAt) return refuse("unauthorized", DENIED);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
    row.lastUsedAt = now;
  }
  return ok(summaryOf(row));
}

/** Finds the live key a bearer token belongs to, by its visible prefix (see `acceptApiKey`). */
export async function authenticateApiKey(db: DbOrTx, token: string | null | undefined, now = new Date()): Promise<Result<ApiKeySummary>> {
  const presented = presentedKey(token);
  if (!presented) return refuse("unauthorized", DENIED);
  const [row] = await selectKeyByPrefix(db, { prefix: presented.prefix });
  return acceptApiKey(db, token!, row, now);
}
