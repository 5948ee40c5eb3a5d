import { and, eq, max, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { documents, type DocumentKind } from "@/db/schema";

/** The calendar year of a date in Poland, where the shop's numbering years begin and end. */
export function documentYear(date: Date): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Warsaw" }).format(date));
}

/**
 * The next number in a kind's yearly series, gap-free. A transaction-scoped advisory lock per
 * kind and year makes concurrent issuers take turns (held until the whole transaction ends, so
 * the number is committed or rolled back with its document); the unique (kind, year, sequence)
 * constraint stays as the last line of defence.
 */
export async function nextDocumentSequence(tx: Tx, kind: DocumentKind, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`orderly.documents:${kind}:${year}`}))`);
  const [row] = await tx
    .select({ last: max(documents.sequence) })
    .from(documents)
    .where(and(eq(documents.kind, kind), eq(documents.year, year)));
  return (row?.last ?? 0) + 1;
}
