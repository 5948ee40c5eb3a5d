import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { documentCounters, type DocumentKind } from "@/db/schema";

/** The calendar year of a date in Poland, where the shop's numbering years begin and end. */
export function documentYear(date: Date): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Warsaw" }).format(date));
}

/**
 * The next number in a kind's yearly series, gap-free: one upsert of the series' counter row
 * (migration 0008 started each from the documents already issued). The row stays locked until
 * the caller's transaction ends, so concurrent issuers take turns and the number is committed or
 * rolled back with its document; the caller keeps that transaction short (no drawing in it), so
 * the turn is milliseconds. The unique (kind, year, sequence) constraint stays as the last line
 * of defence.
 */
export async function nextDocumentSequence(tx: Tx, kind: DocumentKind, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ kind, year, lastSequence: 1 })
    .onConflictDoUpdate({ target: [documentCounters.kind, documentCounters.year], set: { lastSequence: sql`${documentCounters.lastSequence} + 1` } })
    .returning({ sequence: documentCounters.lastSequence });
  if (!row) throw new Error(`no number taken for ${kind} ${year}`);
  return row.sequence;
}
