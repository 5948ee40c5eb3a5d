import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { openPglite } from "@/db";
import { orders } from "@/db/schema";

/**
 * Requests per second and latency of the customer tracking page beside a minimal page of the
 * same app (/forbidden, static), in one run against `next start` on the embedded database.
 * Needs a production build (`npm run build`).
 */
const PORT = 3701;
const DATA_DIR = ".data/bench-track";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: "ignore", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function load(url: string) {
  await autocannon({ url, connections: 10, duration: 2 }); // warm-up: compile caches, fill the page cache
  const result = await autocannon({ url, connections: 10, duration: SECONDS });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function benchTracking(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  const env: Record<string, string> = { PGLITE_DIR: DATA_DIR, AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop", WORKER_IN_APP: "false" };
  if (!existsSync(DATA_DIR)) await run("npx", ["tsx", "db/seed/cli.ts"], env);
  const db = await openPglite(DATA_DIR);
  const [order] = await db.db.select({ token: orders.trackingToken }).from(orders).limit(1);
  await db.close();
  if (!order) throw new Error("no order to track");

  // Its own process group, so stopping it stops next-server too.
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { detached: true, stdio: "ignore", env: { ...process.env, ...env } });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/health`);
    const minimal = await load(`http://127.0.0.1:${PORT}/forbidden`);
    const tracking = await load(`http://127.0.0.1:${PORT}/track/${order.token}`);
    const line = (name: string, r: typeof minimal) =>
      `  ${name.padEnd(24)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   errors ${r.errors}`;
    console.log(`tracking page vs a minimal page (next start, PGlite, 10 connections, ${SECONDS} s each)`);
    console.log(line("/forbidden (static)", minimal));
    console.log(line("/track/[token]", tracking));
    console.log(`  ratio: the tracking page serves ${(tracking.rps / minimal.rps).toFixed(2)}× the minimal page's requests per second`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}
