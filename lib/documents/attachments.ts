import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { documents } from "@/db/schema";
import { documentPdf } from "./stored-pdf";

export type StoredAttachment = { documentId: number; filename: string; content: Uint8Array; contentType: "application/pdf" };

/**
 * The PDFs an outbox row names, in its order (one not drawn yet is drawn now from its content).
 * A missing one throws: the email must not go out without the document it promises (the worker
 * records the failure on the row).
 */
export async function loadDocumentAttachments(db: DbOrTx, refs: readonly { documentId: number }[]): Promise<StoredAttachment[]> {
  if (refs.length === 0) return [];
  const ids = refs.map((r) => r.documentId);
  const rows = await db
    .select({ id: documents.id, fileName: documents.fileName, pdf: documents.pdf, content: documents.content })
    .from(documents)
    .where(inArray(documents.id, ids));
  const attachments: StoredAttachment[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`document ${id} to attach no longer exists`);
    attachments.push({ documentId: id, filename: row.fileName, content: await documentPdf(db, row), contentType: "application/pdf" });
  }
  return attachments;
}
