import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { startApp, type AppServer } from "./app-server";
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase } from "./database";
import { formatTable, loadAverageNow, RESULTS_FILE, writeResults, type RunCircumstances } from "./report";
import { SCENARIOS } from "./scenarios";
import { compareSizes, databaseUrlForSize, parseSizes, SCALE_SCENARIOS } from "./sizes";
import type { BenchContext, BenchFigure } from "./types";

/**
 * `npm run bench [-- names...] [--reseed] [--sizes 100000,1000000]`: every scenario (or the named
 * ones) against the real Postgres in DATABASE_URL, on a database seeded once per size (default
 * 100,000 orders). Scenarios run one after another so they never compete for the cores; each
 * measures its baseline in the same run. With several sizes, the scenarios that read history
 * (unless others are named) run at each size on a database of its own, and each figure is also
 * compared with the same figure at the smallest size. Prints one table, writes bench/results.json.
 */
function parseCli() {
  const { values, positionals } = parseArgs({
    options: { reseed: { type: "boolean", default: false }, sizes: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const known = SCENARIOS.map((s) => s.name);
  const unknown = positionals.filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.map((n) => `"${n}"`).join(", ")}; known: ${known.join(", ")}`);
  const sizes = parseSizes(values.sizes);
  const names = positionals.length ? positionals : sizes.length > 1 ? SCALE_SCENARIOS : known;
  return { scenarios: SCENARIOS.filter((s) => names.includes(s.name)), reseed: values.reseed ?? false, sizes };
}

const log = (line: string) => console.log(line);

async function runAtSize(orders: number, options: { scenarios: typeof SCENARIOS; reseed: boolean; baseUrl: string; failed: string[] }): Promise<BenchFigure[]> {
  const databaseUrl = databaseUrlForSize(options.baseUrl, orders);
  const port = Number(process.env.BENCH_PORT ?? 3216);
  const { handle } = await prepareBenchDatabase(databaseUrl, { orders, reseed: options.reseed, log });

  let app: Promise<AppServer> | undefined;
  const stopApp = async () => {
    const started = await app?.catch(() => undefined);
    await started?.stop();
  };
  // Ctrl-C must not leave next-server behind.
  const onInterrupt = () => void stopApp().finally(() => process.exit(130));
  process.once("SIGINT", onInterrupt);

  const context: BenchContext = {
    db: handle.db,
    orders,
    databaseUrl,
    app: async () => {
      app ??= startApp({ databaseUrl, port, log });
      return { url: (await app).url };
    },
  };

  const figures: BenchFigure[] = [];
  try {
    for (const scenario of options.scenarios) {
      log(`\n▶ ${scenario.name} (${orders.toLocaleString("en")} orders)`);
      const started = performance.now();
      try {
        const result = await scenario.run(context);
        figures.push(...result.map((f) => ({ ...f, orders })));
        log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        options.failed.push(`${scenario.name} at ${orders}`);
        console.error(`  ${scenario.name} failed:`, error);
      }
    }
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    await stopApp();
    await handle.close();
  }
  return figures;
}

async function main(): Promise<number> {
  const { scenarios, reseed, sizes } = parseCli();
  // The harness is a script, not the app: it takes its database from the environment directly.
  const baseUrl = process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const failed: string[] = [];
  const figures: BenchFigure[] = [];
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverageNow();
  log(`Load average at the start: ${loadAtStart.join(", ")} (1, 5, 15 min) on ${cpus().length} CPUs.`);
  for (const orders of sizes) figures.push(...(await runAtSize(orders, { scenarios, reseed, baseUrl, failed })));
  const compared = compareSizes(figures);

  log(`\n${formatTable(compared)}\n`);
  log("ratio = Orderly / baseline: for per-second figures higher is better, for times lower is better.");
  if (sizes.length > 1) log(`vs ${sizes[0]!.toLocaleString("en")} = the figure at this size / the same figure at ${sizes[0]!.toLocaleString("en")} orders.`);
  if (compared.some((f) => f.pgbench !== undefined)) log("ratio to pgbench = Orderly / pgbench running the baseline's statements: the database's own limit.");
  const run: RunCircumstances = {
    startedAt,
    finishedAt: new Date().toISOString(),
    scenarios: scenarios.map((s) => s.name),
    sizes,
    cpus: cpus().length,
    node: process.version,
    loadAverage: { start: loadAtStart, end: loadAverageNow() },
  };
  log(`Load average at the end: ${run.loadAverage.end.join(", ")}.`);
  writeResults(compared, run);
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
