import { Writable } from "node:stream";
import type { ReactElement } from "react";

/** The document type React Email has always given our emails; some clients render by it. */
const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** React hints the browser to preload images; in an email it is a stray tag, so it goes. */
const IMAGE_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="image")[^>]*>/g;

/**
 * The HTML document of an email laid out with React Email components. React's Node stream, read
 * whole once every part is ready, rather than `render` of @react-email/render: that goes through
 * web streams and a Suspense boundary and costs three to four times as much (about 1.1 ms against
 * 0.3 ms an email, production React), which the outbox worker paid on every email it sent
 * (ADR 0156). The layouts are synchronous, so the stream holds the whole email at once.
 * `react-dom/server` is imported when first used, as React Email does: Next's server layers refuse
 * it as a static import, and they offer only the streaming renderers (not renderToString).
 */
export async function renderEmailHtml(element: ReactElement): Promise<string> {
  const { renderToPipeableStream } = await import("react-dom/server");
  const html = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks).toString("utf8"));
        done();
      },
    });
    const stream = renderToPipeableStream(element, {
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    });
  });
  return `${XHTML_DOCTYPE}${html.replace(/^<!DOCTYPE[^>]*>/i, "").replace(IMAGE_PRELOAD, "")}`;
}
