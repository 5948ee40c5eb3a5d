import createNextIntlPlugin from "next-intl/plugin";

/**
 * Static headers only: a script policy needs a nonce per request, which proxy.ts makes for the
 * tracking pages. `same-origin` rather than the tracking page's `no-referrer`: with
 * `no-referrer` a browser sends `Origin: null` on a same-origin POST, and Next refuses a server
 * action whose Origin does not match the host.
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // not bundled (bundling breaks its URL-based file lookup).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Next's default, written out because lib/http/body-limits.ts (BODY_LIMITS.serverAction) must
  // equal it: the proxy refuses a larger action post with 413 before Next would read it.
  // A request the proxy sees has its body copied by Next as it arrives, whether the proxy reads it
  // or not, up to proxyClientMaxBodySize (default 10 MB, twice over). Held to the action limit, an
  // oversize post the proxy refuses costs at most that much memory.
  experimental: { serverActions: { bodySizeLimit: "1mb" }, proxyClientMaxBodySize: "1mb" },
  // A separate build directory lets a second checkout's tests build while another server runs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) just before building; checking
  // again inside `next build` would add half a minute for nothing.
  typescript: { ignoreBuildErrors: process.env.ORDERLY_TYPECHECKED === "1" },
  // Every answer, staff and admin screens included, refuses to be framed by another site
  // (clickjacking) and is never sniffed or indexed. The tracking pages add their per-request
  // nonce policy in proxy.ts on top; a header set there replaces the one of the same name here.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads each request's language, messages and time zone from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
