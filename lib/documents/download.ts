/**
 * The HTTP response for a stored PDF: always a download (never rendered inline in our origin),
 * never cached by shared caches, with a file name that is ours (letters, digits, -, _ and .).
 */
export function pdfDownloadResponse(file: { fileName: string; pdf: Uint8Array }): Response {
  const safeName = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${safeName}"`,
      "content-length": String(file.pdf.byteLength),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
