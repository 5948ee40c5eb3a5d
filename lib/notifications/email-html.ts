import { Writable } from "node:stream";
import type { ReactElement } from "react";

/** The document type React Email has always given our emails; some clients render by it. */
const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** React hints the browser to preload images; in an email it is a stray tag, so it goes. */
const IMAGE_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="image")[^>]*>/g;

let reactDomServer: Promise<typeof import("react-dom/server")> | undefined;

/**
 * The HTML document of an email laid out with React Email components, without @react-email/render's
 * `render`: that goes through web streams and a Suspense boundary and costs several times as much
 * (about 1.1 ms an email, production React), which the outbox worker paid on every email it sent
 * (ADR 0156). The layouts are synchronous, so React's static renderer gives the whole email at once
 * (about 0.1 ms); Next's server layers refuse it (they keep only the streaming renderers), and
 * there React's Node stream, read whole once every part is ready, does (about 0.6 ms).
 * `react-dom/server` is imported when first used, as React Email does: Next refuses it as a static
 * import in server code.
 */
export async function renderEmailHtml(element: ReactElement): Promise<string> {
  // Kept once imported: each `import()` goes through the module loader again (0.4 ms under tsx).
  const server = await (reactDomServer ??= import("react-dom/server"));
  let html: string;
  try {
    html = server.renderToStaticMarkup(element);
  } catch {
    html = await renderThroughStream(server.renderToPipeableStream, element);
  }
  return `${XHTML_DOCTYPE}${html.replace(/^<!DOCTYPE[^>]*>/i, "").replace(IMAGE_PRELOAD, "")}`;
}

type PipeableRenderer = (typeof import("react-dom/server"))["renderToPipeableStream"];

function renderThroughStream(renderToPipeableStream: PipeableRenderer, element: ReactElement): Promise<string> {
  return new Promise<string>((resolve, reject) => {
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
}
