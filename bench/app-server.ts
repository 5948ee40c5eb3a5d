import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `next start` for the scenarios that measure HTTP: built first when the build is missing or
 * older than the sources (a stale build would benchmark old code), started on the benchmark
 * database in its own process group, because stopping `npx` alone leaves `next-server` running.
 */
const SOURCE_DIRS = ["app", "components", "lib", "db", "emails"];
const BUILD_STAMP = path.join(".next", "BUILD_ID");
/** Production needs a secret; this one signs nothing but the benchmark's own sessions. */
export const BENCH_AUTH_SECRET = "bench-only-secret-0123456789abcdefghijklmnop";

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_STAMP)) return false;
  const built = statSync(BUILD_STAMP).mtimeMs;
  return SOURCE_DIRS.filter((d) => existsSync(d)).every((d) => newestSourceChange(d) <= built);
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode} before answering`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url}/api/health did not answer within ${timeoutMs / 1000} s`);
}

export type AppServer = { url: string; stop: () => Promise<void> };

export async function startApp({ databaseUrl, port, log }: { databaseUrl: string; port: number; log: (line: string) => void }): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    // The outbox scenario drives the worker itself; an in-app worker would race it for rows.
    WORKER_IN_APP: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    // The API scenario sends thousands of requests a minute with one key: every one is still
    // counted (the limiter's cost is part of the figure), none is refused.
    API_RATE_LIMIT_PER_MINUTE: "10000000",
  };
  if (!buildIsCurrent()) {
    log("Building the app (next build): the build is missing or older than the sources.");
    await runToEnd("npx", ["next", "build"], env);
  }
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the server (and of the process Next forks
  // for it) into dir when the server stops: where its time goes under the scenario's load.
  // (--cpu-prof is not allowed in NODE_OPTIONS, hence node itself instead of npx.)
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const [command, args] = profileDir
    ? ["node", ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`, path.join("node_modules", "next", "dist", "bin", "next"), "start"]]
    : ["npx", ["next", "start"]];
  const server = spawn(command, [...args, "-p", String(port), "-H", "127.0.0.1"], { detached: true, stdio: "ignore", env });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode !== null || !server.pid) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      return; // the group is already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };
  try {
    await waitForHealth(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`App started on ${url} (next start, DATABASE_URL=${new URL(databaseUrl).pathname.slice(1)}).`);
  return { url, stop };
}
