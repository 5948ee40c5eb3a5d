import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT, spawnProcess } from "./processes";

/** The suite's own build directory, so it never clobbers `.next` (dev, e2e) or another checkout's. */
export const RELIABILITY_DIST_DIR = ".next-reliability";
const DEFAULT_DIST_DIR = ".next";

/**
 * How long a `beforeAll` that starts the server may take: a first start builds the app, which
 * takes 3-4 minutes on a busy 2-core machine (the reliability project's default hook timeout is 3).
 */
export const NEXT_SERVER_START_TIMEOUT_MS = 900_000;

/** The session signing secret the suite's servers run with: a test value, never a real one. */
export const TEST_AUTH_SECRET = "reliability-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export type NextServer = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Stops the server's whole process group (`next start` forks its server). */
  stop: () => Promise<void>;
  /** Everything the server printed, for failure messages. */
  output: () => string;
};

const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const DIST = path.join(ROOT, RELIABILITY_DIST_DIR);
/** Written after a successful build: the newest source time that build saw. */
const STAMP = path.join(DIST, "reliability-sources-stamp");

/** What goes into the build. Tests beside the code do not, so editing one does not rebuild. */
const SOURCE_DIRS = ["app", "components", "lib", "db", "emails", "public"];
const SOURCE_FILES = [
  "next.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tailwind.config.ts",
];

/** The newest modification time among the sources; directories count, so a deleted file does too. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (full: string) => {
    const stat = statSync(full);
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(full)) {
      if (!/\.test\.tsx?$/.test(name)) visit(path.join(full, name));
    }
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    const full = path.join(ROOT, entry);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

function buildIsFresh(sourcesTime: number): boolean {
  if (!existsSync(STAMP) || !existsSync(path.join(DIST, "BUILD_ID"))) return false;
  return Number(readFileSync(STAMP, "utf8")) >= sourcesTime;
}

/**
 * A production build of the current sources in `.next` (made by `npm run test:e2e` just before
 * in CI, or by `npm run bench`) serves as well as one of our own and saves a second build.
 */
function defaultBuildIsFresh(sourcesTime: number): boolean {
  const buildId = path.join(ROOT, DEFAULT_DIST_DIR, "BUILD_ID");
  const manifest = path.join(ROOT, DEFAULT_DIST_DIR, "server/server-reference-manifest.json");
  return existsSync(buildId) && existsSync(manifest) && statSync(buildId).mtimeMs >= sourcesTime;
}

let chosenDistDir: string | undefined;

/**
 * Makes sure a build of the current sources exists and returns its directory: `.next` when it
 * holds one already, else `.next-reliability`, built unless a build of the current sources is
 * there already. `next build` adds its distDir's type folder to tsconfig.json; the file is put
 * back as it was (content and time) so the checkout stays clean and the next run does not see a
 * newer source.
 */
export async function ensureNextBuild(): Promise<string> {
  const sourcesTime = newestSourceTime();
  if (defaultBuildIsFresh(sourcesTime)) return (chosenDistDir = DEFAULT_DIST_DIR);
  chosenDistDir = RELIABILITY_DIST_DIR;
  if (buildIsFresh(sourcesTime)) return chosenDistDir;
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const tsconfigText = readFileSync(tsconfig, "utf8");
  const tsconfigTime = statSync(tsconfig).mtime;
  const build = spawnProcess(process.execPath, [NEXT_BIN, "build"], {
    NEXT_DIST_DIR: RELIABILITY_DIST_DIR,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // `npm run typecheck` checks the types; doing it again inside the build only costs time.
    ORDERLY_TYPECHECKED: "1",
  });
  const { code, signal } = await build.exited;
  if (readFileSync(tsconfig, "utf8") !== tsconfigText) {
    writeFileSync(tsconfig, tsconfigText);
    utimesSync(tsconfig, tsconfigTime, tsconfigTime);
  }
  if (code !== 0) throw new Error(`next build failed (${signal ?? `exit ${code}`}):\n${build.output()}`);
  writeFileSync(STAMP, String(sourcesTime));
  return chosenDistDir;
}

/** The build directory `ensureNextBuild` chose: where the server runs from and its manifests are. */
export function builtDistDir(): string {
  if (!chosenDistDir) throw new Error("call ensureNextBuild() first");
  return chosenDistDir;
}

/** Refuses a busy port: the health check would otherwise pass against someone else's server. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: stop what listens there, or pick another port`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real app, `next build` output under `next start`, against the given Postgres database
 * (see `openAppDatabase` for one with migrations and the demo accounts). The in-app outbox worker
 * is off unless `env` turns it on: a scenario's database must change only by what its requests do.
 */
export async function startNextServer(options: { databaseUrl: string; port: number; env?: Record<string, string> }): Promise<NextServer> {
  const distDir = await ensureNextBuild();
  await assertPortFree(options.port);
  const url = `http://127.0.0.1:${options.port}`;
  const server = spawnProcess(
    process.execPath,
    [NEXT_BIN, "start", "-p", String(options.port), "-H", "127.0.0.1"],
    {
      NEXT_DIST_DIR: distDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      WORKER_IN_APP: "false",
      // Load scenarios send thousands of API requests a minute with one key; limits have tests of their own.
      API_RATE_LIMIT_PER_MINUTE: "10000000",
      API_FAILED_AUTH_PER_MINUTE: "10000000",
      ...options.env,
    },
    { ownGroup: true },
  );
  let gone = false;
  void server.exited.then(() => (gone = true));
  // Starting is bounded so a server that hangs fails the run with its output, not a hook timeout.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (gone) throw new Error(`next start exited before it was ready:\n${server.output()}`);
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health?.ok) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start did not answer /api/health as ready:\n${server.output()}`);
    }
    await sleep(250);
  }
  return { url, stop: () => server.stop(), output: server.output };
}
