import { getDb } from "@/db";
import { getTrackingDocumentFile } from "@/db/queries/documents";
import { pdfDownloadResponse } from "@/lib/documents/download";
import { documentPdf } from "@/lib/documents/stored-pdf";
import { idFromSegment } from "@/lib/url-params";

/**
 * A customer's download from the tracking page. The token is the authorisation: the document
 * must belong to the token's order and the order's status must let customers see documents.
 * Every miss answers the same 404, so nothing tells a guesser which part was wrong.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; id: string }> }) {
  const { token, id } = await params;
  const documentId = idFromSegment(id);
  const db = await getDb();
  const file =
    documentId !== undefined && /^[A-Za-z0-9_-]{1,128}$/.test(token)
      ? await getTrackingDocumentFile({ db, token, documentId })
      : undefined;
  if (!file) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return pdfDownloadResponse({ fileName: file.fileName, pdf: await documentPdf(db, file) });
}
