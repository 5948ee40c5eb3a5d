import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getOrderDocumentFile } from "@/db/queries/documents";
import { authorize, getCurrentUser } from "@/lib/auth";
import { pdfDownloadResponse } from "@/lib/documents/download";
import { documentPdf } from "@/lib/documents/stored-pdf";
import { idFromSegment, textFromSegment } from "@/lib/url-params";

const problem = (status: number, code: string, detail: string) =>
  Response.json({ type: "about:blank", title: code, status, code, detail }, { status, headers: { "content-type": "application/problem+json" } });

/** Downloads one of the order's documents (staff and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string; id: string }> }) {
  const allowed = authorize(await getCurrentUser(), "staff");
  if (!allowed.ok) return problem(allowed.error.code === "unauthorized" ? 401 : 403, allowed.error.code, allowed.error.message);
  const { number, id } = await params;
  // Next has decoded the segments already; decoding again would throw on a literal "%".
  const documentId = idFromSegment(id);
  const orderNumber = textFromSegment(number);
  const t = await getTranslations("order.documents");
  if (documentId === undefined || orderNumber === undefined) return problem(404, "not_found", t("notFound"));
  const db = await getDb();
  const file = await getOrderDocumentFile({ db, orderNumber, documentId });
  if (!file) return problem(404, "not_found", t("notFound"));
  return pdfDownloadResponse({ fileName: file.fileName, pdf: await documentPdf(db, file) });
}
