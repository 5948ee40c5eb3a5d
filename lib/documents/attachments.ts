import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { documents } from "@/db/schema";

export type StoredAttachment = { documentId: number; filename: string; content: Uint8Array; contentType: "application/pdf" };

/**
 * The stored PDFs an outbox row names, in its order. A missing one throws: the email must not
 * go out without the document it promises (the worker records the failure on the row).
 */
export async function loadDocumentAttachments(db: DbOrTx, refs: readonly { documentId: number }[]): Promise<StoredAttachment[]> {
  if (refs.length === 0) return [];
  const ids = refs.map((r) => r.documentId);
  const rows = await db.select({ id: documents.id, fileName: documents.fileName, pdf: documents.pdf }).from(documents).where(inArray(documents.id, ids));
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`document ${id} to attach no longer exists`);
    return { documentId: id, filename: row.fileName, content: row.pdf, contentType: "application/pdf" };
  });
}
