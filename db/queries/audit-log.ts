import "server-only";
import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { AUDIT_KINDS, auditLog, type AuditEntry, type AuditKind } from "@/db/schema";
import { pageSearchParam } from "@/lib/url-params";

export const AUDIT_PAGE_SIZE = 50;
/** How many different people and keys the person filter offers: the most recently active first. */
export const AUDIT_ACTOR_LIMIT = 200;

export type AuditActorType = AuditEntry["actorType"];
/** Who, as the filter names them in the URL: `user:12`, `api:3`, `system`. */
export type AuditActorRef = { type: AuditActorType; id: string | null };

export function actorParam(actor: AuditActorRef): string {
  return actor.id === null ? actor.type : `${actor.type}:${actor.id}`;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))
  .optional()
  .catch(undefined);

/**
 * The page's filters from its URL. Anything that does not parse drops that filter (as a word in
 * a number's place does elsewhere), so a hand-edited address never answers 500.
 */
export const auditSearchSchema = z.object({
  kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
  actor: z
    .string()
    .max(220)
    .transform((value): AuditActorRef | undefined => {
      const match = /^(user|api|system)(?::([^\s]{1,200}))?$/.exec(value);
      return match ? { type: match[1] as AuditActorType, id: match[2] ?? null } : undefined;
    })
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  page: pageSearchParam,
});

export type AuditFilters = z.infer<typeof auditSearchSchema>;

/** Days are the shop's: "from 3 December" starts at midnight in its time zone, "to" ends at the next one. */
function conditionsOf(filters: Omit<AuditFilters, "page">, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(auditLog.kind, filters.kind));
  if (filters.actor) {
    conditions.push(eq(auditLog.actorType, filters.actor.type));
    conditions.push(filters.actor.id === null ? isNull(auditLog.actorId) : eq(auditLog.actorId, filters.actor.id));
  }
  if (filters.from) conditions.push(sql`${auditLog.at} >= ((${filters.from}::date)::timestamp at time zone ${timeZone})`);
  if (filters.to) conditions.push(sql`${auditLog.at} < ((${filters.to}::date + 1)::timestamp at time zone ${timeZone})`);
  return conditions;
}

export type AuditPage = { rows: AuditEntry[]; page: number; hasOlder: boolean };

/**
 * One page of the log, newest first: never more than a page is read (one row more tells whether
 * an older page exists, so no count runs over the whole table).
 */
export async function listAuditEntries({
  db,
  timeZone,
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
  ...filters
}: Partial<AuditFilters> & { db: DbOrTx; timeZone: string; pageSize?: number }): Promise<AuditPage> {
  const conditions = conditionsOf(filters, timeZone);
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), page, hasOlder: rows.length > pageSize };
}

export type AuditActorOption = AuditActorRef & { label: string };

/**
 * Everyone who appears in the log, each by the name of their latest entry (a renamed person or key
 * shows as they are called now), the most recently active first.
 */
export async function listAuditActors({ db }: { db: DbOrTx }): Promise<AuditActorOption[]> {
  const latest = db
    .selectDistinctOn([auditLog.actorType, auditLog.actorId], { type: auditLog.actorType, id: auditLog.actorId, label: auditLog.actorLabel, at: auditLog.at })
    .from(auditLog)
    .orderBy(auditLog.actorType, auditLog.actorId, desc(auditLog.at))
    .as("latest");
  return db
    .select({ type: latest.type, id: latest.id, label: latest.label })
    .from(latest)
    .orderBy(desc(latest.at))
    .limit(AUDIT_ACTOR_LIMIT);
}

export type { AuditKind };
