import type { DbOrTx } from "@/db";
import { auditLog, type AuditKind } from "@/db/schema";
import { sameSnapshot } from "./same";

/**
 * Who changed the configuration: a signed-in person, an API key, or Orderly itself (a command, a
 * migration of data). The orders' `Actor` fits as it is (`actorOf(user)`, the API's key actor); an
 * automation never changes configuration, and would be recorded as Orderly itself.
 */
export type AuditActor = { type: "user" | "api" | "system" | "automation"; id?: string | null; label: string };

/** Orderly itself: a rule of its own (an endpoint that keeps failing is switched off), a command. */
export const SYSTEM_AUDIT_ACTOR: AuditActor = { type: "system", label: "Orderly" };

export type AuditRecord = {
  actor: AuditActor;
  kind: AuditKind;
  /** "created", "updated", "deleted", or a kind's own verb ("disabled", "invited", "revoked"…). */
  action: string;
  subject: { id?: string | number | null; label: string };
  /** The record as it was and as it is, without secrets (password and key hashes are never passed here). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Writes one audit entry. Call it with the change's own transaction (`tx`), so an entry exists
 * exactly when its change committed.
 */
export async function recordAudit(tx: DbOrTx, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: record.actor.type === "automation" ? "system" : record.actor.type,
    actorId: record.actor.id ?? null,
    actorLabel: record.actor.label,
    kind: record.kind,
    action: record.action,
    subjectId: record.subject.id === undefined || record.subject.id === null ? null : String(record.subject.id),
    subjectLabel: record.subject.label,
    before: record.before ? jsonSafe(record.before) : null,
    after: record.after ? jsonSafe(record.after) : null,
  });
}

/** Dates as ISO text and no undefined members: what jsonb keeps is what the audit page shows. */
function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Writes the entry of an update only if something changed: saving a form unchanged, or allowing a
 * change that was already allowed, is no change to the configuration and leaves no entry.
 */
export async function recordAuditIfChanged(tx: DbOrTx, record: AuditRecord): Promise<boolean> {
  if (record.before && record.after && sameSnapshot(record.before, record.after)) return false;
  await recordAudit(tx, record);
  return true;
}
