import { BODY_LIMITS, formatLimit } from "./body-limits";
import { declaresMoreThan } from "./read-bounded-body";

/**
 * Next reads a server action's body itself and, past `serverActions.bodySizeLimit`, throws a 413
 * error that it answers as a 500 with no message the screen can show. The proxy looks at the
 * request first: an action post announcing more than the limit is refused with 413 before a
 * byte is read. The reply is `text/plain` because that is the one error body Next's action client
 * passes on as the thrown error's message (anything else becomes "An unexpected response was
 * received from the server"). A post without Content-Length (chunked) is refused with 411: no
 * browser sends one that way, and its size could only be learnt by reading it.
 */
export const ACTION_TOO_LARGE_MESSAGE = `What you sent is larger than the ${formatLimit(BODY_LIMITS.serverAction)} the server accepts from a form. Make it smaller (a smaller file, a shorter text) and try again.`;
export const ACTION_LENGTH_REQUIRED_MESSAGE = "Send the form with a Content-Length header.";

/**
 * A server action called from a hydrated page: a POST with Next's `next-action` header. (A form
 * posted before the page hydrated carries no such header; Next's own limit still stops reading
 * it, so it costs no more memory, but it answers 500.)
 */
export function isServerActionPost(request: Request): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

export function refuseOversizeActionPost(request: Request): Response | undefined {
  if (!isServerActionPost(request)) return undefined;
  // Exactly "text/plain", no charset: Next's client compares the header as a whole. The messages are ASCII.
  const plain = { "content-type": "text/plain", "cache-control": "no-store" };
  if (!request.headers.has("content-length")) return new Response(ACTION_LENGTH_REQUIRED_MESSAGE, { status: 411, headers: plain });
  if (declaresMoreThan(request.headers, BODY_LIMITS.serverAction)) {
    return new Response(ACTION_TOO_LARGE_MESSAGE, { status: 413, headers: plain });
  }
  return undefined;
}
