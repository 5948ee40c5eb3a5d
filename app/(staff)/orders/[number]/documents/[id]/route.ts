import { getDb } from "@/db";
import { getOrderDocumentFile } from "@/db/queries/documents";
import { authorize, getCurrentUser } from "@/lib/auth";
import { pdfDownloadResponse } from "@/lib/documents/download";

const problem = (status: number, code: string, detail: string) =>
  Response.json({ type: "about:blank", title: code, status, code, detail }, { status, headers: { "content-type": "application/problem+json" } });

/** Downloads one of the order's documents (staff and admins). */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string; id: string }> }) {
  const allowed = authorize(await getCurrentUser(), "staff");
  if (!allowed.ok) return problem(allowed.error.code === "unauthorized" ? 401 : 403, allowed.error.code, allowed.error.message);
  const { number, id } = await params;
  const documentId = Number(id);
  if (!Number.isSafeInteger(documentId) || documentId <= 0) return problem(404, "not_found", "No such document.");
  const file = await getOrderDocumentFile({ db: await getDb(), orderNumber: decodeURIComponent(number), documentId });
  if (!file) return problem(404, "not_found", "No such document for this order.");
  return pdfDownloadResponse(file);
}
