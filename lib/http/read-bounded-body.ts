/**
 * Reads a request body up to a limit. A Content-Length over it is refused without reading a byte;
 * a body without one (chunked) is read chunk by chunk and abandoned as soon as it passes the
 * limit, so a client streaming 50 MB costs at most the limit in memory, never the whole body.
 */
export type BoundedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; tooLarge: true };

/** True when the request announces a body longer than `limit` (an unparsable length counts as too long). */
export function declaresMoreThan(headers: Headers, limit: number): boolean {
  const length = headers.get("content-length");
  if (length === null) return false;
  const bytes = /^\s*\d+\s*$/.test(length) ? Number(length) : Number.POSITIVE_INFINITY;
  return bytes > limit;
}

export async function readBodyWithin(request: Request, limit: number): Promise<BoundedBody> {
  if (declaresMoreThan(request.headers, limit)) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, tooLarge: true };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop the sender: nothing past the limit is read or kept.
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
