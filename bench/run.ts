import { parseArgs } from "node:util";
import { startApp, type AppServer } from "./app-server";
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase } from "./database";
import { formatTable, RESULTS_FILE, writeResults } from "./report";
import { SCENARIOS } from "./scenarios";
import type { BenchContext, BenchFigure } from "./types";

/**
 * `npm run bench [-- names...] [--reseed]`: every scenario (or the named ones) against the real
 * Postgres in DATABASE_URL, on a database seeded once with 100,000 orders. Scenarios run one after
 * another so they never compete for the cores; each measures its baseline in the same run.
 * Prints one table and writes bench/results.json.
 */
const ORDERS = 100_000;

function parseCli() {
  const { values, positionals } = parseArgs({
    options: { reseed: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  const known = SCENARIOS.map((s) => s.name);
  const unknown = positionals.filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.map((n) => `"${n}"`).join(", ")}; known: ${known.join(", ")}`);
  const wanted = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;
  return { scenarios: wanted, reseed: values.reseed ?? false };
}

const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  const { scenarios, reseed } = parseCli();
  // The harness is a script, not the app: it takes its database from the environment directly.
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const port = Number(process.env.BENCH_PORT ?? 3216);
  const { handle } = await prepareBenchDatabase(databaseUrl, { orders: ORDERS, reseed, log });

  let app: Promise<AppServer> | undefined;
  const stopApp = async () => {
    const started = await app?.catch(() => undefined);
    await started?.stop();
  };
  // Ctrl-C must not leave next-server behind.
  process.once("SIGINT", () => void stopApp().finally(() => process.exit(130)));

  const context: BenchContext = {
    db: handle.db,
    databaseUrl,
    app: async () => {
      app ??= startApp({ databaseUrl, port, log });
      return { url: (await app).url };
    },
  };

  const figures: BenchFigure[] = [];
  const failed: string[] = [];
  try {
    for (const scenario of scenarios) {
      log(`\n▶ ${scenario.name}`);
      const started = performance.now();
      try {
        const result = await scenario.run(context);
        figures.push(...result);
        log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed.push(scenario.name);
        console.error(`  ${scenario.name} failed:`, error);
      }
    }
  } finally {
    await stopApp();
    await handle.close();
  }

  log(`\n${formatTable(figures)}\n`);
  log("ratio = Orderly / baseline: for per-second figures higher is better, for times lower is better.");
  if (figures.some((f) => f.pgbench !== undefined)) log("ratio to pgbench = Orderly / pgbench running the baseline's statements: the database's own limit.");
  writeResults(figures);
  log(`Wrote ${RESULTS_FILE}.`);
  if (failed.length) console.error(`Failed: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
