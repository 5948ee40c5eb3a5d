import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * PostgreSQL's own load generator, run from the bench as the physical limit of a scenario: the
 * statements a baseline sends, replayed by a C client with prepared statements and nothing else.
 * Optional: where `pgbench` is not on PATH, or `BENCH_PGBENCH=0`, the figure is left out.
 */
const run = promisify(execFile);

export type PgbenchRun = {
  databaseUrl: string;
  /** The script's text (pgbench's custom script language), written to a temporary file. */
  script: string;
  /** Concurrent sessions (`-c`), each one client of the script. */
  clients: number;
  /** How long to run (`-T`). */
  seconds: number;
  /** Values for the script's `:name` variables (`-D name=value`). */
  variables?: Record<string, string>;
};

/** Why pgbench will not run here, or undefined when it will. */
export async function pgbenchUnavailable(): Promise<string | undefined> {
  if (process.env.BENCH_PGBENCH === "0") return "BENCH_PGBENCH=0";
  try {
    await run("pgbench", ["--version"]);
    return undefined;
  } catch {
    return "pgbench is not on PATH";
  }
}

/**
 * The transactions per second of a finished run, excluding the time spent connecting: PostgreSQL
 * 15 and later print "(without initial connection time)", earlier ones "(excluding connections
 * establishing)" beside an "including" line that must not be taken.
 */
export function parsePgbenchTps(output: string): number {
  const match = /^tps = (\d+(?:\.\d+)?) \((?:without initial connection time|excluding connections establishing)\)\s*$/m.exec(output);
  if (!match) throw new Error(`no tps in pgbench's output:\n${output}`);
  return Number(match[1]);
}

/** The connection flags and environment that point pgbench at the database in `url`. */
export function connectionOf(url: string): { args: string[]; env: Record<string, string> } {
  const parsed = new URL(url);
  const args = ["-h", decodeURIComponent(parsed.hostname), "-p", parsed.port || "5432", "-d", decodeURIComponent(parsed.pathname.replace(/^\//, ""))];
  if (parsed.username) args.push("-U", decodeURIComponent(parsed.username));
  // A password on the command line would show in `ps`; libpq reads it from the environment.
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return { args, env };
}

/** Runs the script and returns its transactions per second. Throws when pgbench fails or a client aborts. */
export async function runPgbench({ databaseUrl, script, clients, seconds, variables = {} }: PgbenchRun): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "orderly-pgbench-"));
  try {
    const file = path.join(dir, "script.sql");
    await writeFile(file, script);
    const { args, env } = connectionOf(databaseUrl);
    const defines = Object.entries(variables).flatMap(([name, value]) => ["-D", `${name}=${value}`]);
    // -n: no VACUUM of pgbench's own tables, which this database does not have. Two threads, one
    // per core of the machine the figures are recorded on, so the client is not the bottleneck.
    const { stdout } = await run(
      "pgbench",
      ["-n", "-M", "prepared", "-c", String(clients), "-j", String(Math.min(2, clients)), "-T", String(seconds), ...defines, "-f", file, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
    );
    return parsePgbenchTps(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
