import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizeActionPost } from "@/lib/http/server-action-body";
import { TRACK_LANG_HEADER, TRACK_PATH_HEADER } from "@/lib/i18n/track-headers";

/**
 * Server-action posts anywhere are refused here when they announce a body over the limit,
 * before Next reads it (lib/http/server-action-body.ts).
 *
 * Customer pages get a strict Content-Security-Policy with a fresh nonce per request (Next puts
 * it on its own scripts), no referrer (the URL holds the order's token) and no indexing.
 */
export function proxy(request: NextRequest) {
  const refused = refuseOversizeActionPost(request);
  if (refused) return refused;
  const path = request.nextUrl.pathname;
  if (path !== "/track" && !path.startsWith("/track/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The page's language is decided before the page renders (<html lang>, lib/i18n/request.ts).
  headers.set(TRACK_PATH_HEADER, path);
  const lang = request.nextUrl.searchParams.get("lang");
  if (lang) headers.set(TRACK_LANG_HEADER, lang);
  else headers.delete(TRACK_LANG_HEADER);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

export const config = {
  matcher: ["/track", "/track/:path*", { source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
