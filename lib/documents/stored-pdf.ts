import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { documents } from "@/db/schema";
import { documentContentFromStored } from "./content";
import { renderDocumentPdf } from "./render-pdf";

export type DrawableDocument = { id: number; pdf: Uint8Array | null; content: Record<string, unknown> | null };

/**
 * A document's PDF: the stored one, or, for a document issued but not drawn yet (its drawing
 * still running, failed, or cut off with its process), drawn now from the content it was issued
 * with and stored. The same content draws the same bytes, so a second reader drawing it at the
 * same time stores nothing different; only the first write is kept.
 */
export async function documentPdf(db: DbOrTx, document: DrawableDocument): Promise<Uint8Array> {
  if (document.pdf) return document.pdf;
  if (!document.content) throw new Error(`document ${document.id} has neither a PDF nor the content to draw one`);
  const pdf = await renderDocumentPdf(documentContentFromStored(document.content));
  await db
    .update(documents)
    // postgres.js sends a Buffer as bytea; PGlite takes either.
    .set({ pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) })
    .where(and(eq(documents.id, document.id), isNull(documents.pdf)));
  return pdf;
}
