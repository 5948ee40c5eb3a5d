/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // not bundled (bundling breaks its URL-based file lookup).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // A separate build directory lets a second checkout's tests build while another server runs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) just before building; checking
  // again inside `next build` would add half a minute for nothing.
  typescript: { ignoreBuildErrors: process.env.ORDERLY_TYPECHECKED === "1" },
};

export default nextConfig;
