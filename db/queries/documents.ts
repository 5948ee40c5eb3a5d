import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { documents, orders, statuses, type DocumentKind } from "@/db/schema";

export type DocumentSummary = { id: number; kind: DocumentKind; number: string; createdAt: Date; gross: number; currency: string; createdBy: string };

const summaryColumns = {
  id: documents.id,
  kind: documents.kind,
  number: documents.number,
  createdAt: documents.createdAt,
  totals: documents.totals,
  createdBy: documents.createdBy,
};

function toSummary(row: { id: number; kind: DocumentKind; number: string; createdAt: Date; totals: Record<string, unknown>; createdBy: string }): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    createdAt: row.createdAt,
    gross: Number(row.totals.gross ?? 0),
    currency: String(row.totals.currency ?? "PLN"),
    createdBy: row.createdBy,
  };
}

/** An order's documents, newest first, without their PDFs. */
export async function listOrderDocuments({ db, orderId }: { db: DbOrTx; orderId: number }): Promise<DocumentSummary[]> {
  const rows = await db.select(summaryColumns).from(documents).where(eq(documents.orderId, orderId)).orderBy(desc(documents.id));
  return rows.map(toSummary);
}

/** What a download needs: the stored PDF, or the content to draw it from (`documentPdf`). */
const fileColumns = { id: documents.id, fileName: documents.fileName, pdf: documents.pdf, content: documents.content };

/** A document's file, only when it belongs to the order with this number. */
export async function getOrderDocumentFile({ db, orderNumber, documentId }: { db: DbOrTx; orderNumber: string; documentId: number }) {
  const [row] = await db
    .select(fileColumns)
    .from(documents)
    .innerJoin(orders, eq(orders.id, documents.orderId))
    .where(and(eq(documents.id, documentId), eq(orders.number, orderNumber)));
  return row;
}

/**
 * The documents a customer may download from the tracking page: none unless the order's current
 * status lets customers see documents.
 */
export async function listTrackingDocuments({ db, token }: { db: DbOrTx; token: string }): Promise<DocumentSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(documents)
    .innerJoin(orders, eq(orders.id, documents.orderId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .where(and(eq(orders.trackingToken, token), eq(statuses.showDocumentsOnTracking, true)))
    .orderBy(desc(documents.id));
  return rows.map(toSummary);
}

/** A document's file for the tracking page: the token's order, its own document, a status that allows it. */
export async function getTrackingDocumentFile({ db, token, documentId }: { db: DbOrTx; token: string; documentId: number }) {
  const [row] = await db
    .select(fileColumns)
    .from(documents)
    .innerJoin(orders, eq(orders.id, documents.orderId))
    .innerJoin(statuses, eq(statuses.id, orders.statusId))
    .where(and(eq(documents.id, documentId), eq(orders.trackingToken, token), eq(statuses.showDocumentsOnTracking, true)));
  return row;
}

/** The documents an outbox row attaches, for the admin's mailbox (names only, no PDFs). */
export async function listAttachedDocuments({ db, payload }: { db: DbOrTx; payload: Record<string, unknown> }) {
  const refs = Array.isArray(payload.attachments) ? (payload.attachments as { documentId?: unknown }[]) : [];
  const ids = refs.map((r) => Number(r.documentId)).filter((id) => Number.isSafeInteger(id) && id > 0);
  if (ids.length === 0) return [];
  return db.select({ id: documents.id, fileName: documents.fileName, number: documents.number }).from(documents).where(inArray(documents.id, ids));
}
