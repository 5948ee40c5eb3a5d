import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { BenchFigure } from "./types";

export const RESULTS_FILE = "bench/results.json";

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The one table every run prints: scenario, Orderly's figure, the baseline's, and their ratio;
 * when any figure has one, pgbench's rate for the same work and Orderly's ratio to it; and in a
 * run at several sizes, each figure's number of orders and its ratio to the smallest size.
 */
export function formatTable(figures: BenchFigure[]): string {
  const anyPgbench = figures.some((f) => f.pgbench !== undefined);
  const sizes = [...new Set(figures.map((f) => f.orders).filter((n) => n !== undefined))];
  const bySize = sizes.length > 1;
  const rows = figures.map((f) => {
    const row = [f.name, `${formatNumber(f.value)} ${f.unit}`, `${formatNumber(f.baseline)} ${f.unit}`, `${f.ratio.toFixed(2)}`];
    if (bySize) row.splice(1, 0, (f.orders ?? 0).toLocaleString("en-US"));
    if (bySize) row.push(f.sizeRatio === undefined ? "" : f.sizeRatio.toFixed(2));
    if (!anyPgbench) return row;
    return f.pgbench === undefined ? [...row, "", ""] : [...row, `${formatNumber(f.pgbench)} ${f.unit}`, `${(f.pgbenchRatio ?? Number.NaN).toFixed(2)}`];
  });
  const smallest = Math.min(...sizes.map(Number));
  const header = [
    "scenario",
    ...(bySize ? ["orders"] : []),
    "Orderly",
    "baseline",
    "ratio",
    ...(bySize ? [`vs ${smallest.toLocaleString("en-US")}`] : []),
    ...(anyPgbench ? ["pgbench", "ratio to pgbench"] : []),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

/** Where and when a run was measured: a figure means little without the machine's load beside it. */
export type RunCircumstances = {
  startedAt: string;
  finishedAt: string;
  scenarios: string[];
  sizes: number[];
  cpus: number;
  node: string;
  /** `os.loadavg()` (1, 5 and 15 minutes) when the run started and when it ended. */
  loadAverage: { start: number[]; end: number[] };
};

export function loadAverageNow(): number[] {
  return loadavg().map((n) => Number(n.toFixed(2)));
}

/**
 * `bench/results.json`: `{ run, figures }`, the run's circumstances and exactly the table's
 * figures, as `[{ name, orders, unit, value, baseline, ratio }]`, with `pgbench` and
 * `pgbenchRatio` added to the figures that have them, and `sizeRatio` in a run at several sizes.
 */
export function writeResults(figures: BenchFigure[], run: RunCircumstances, file = RESULTS_FILE): void {
  const rounded = figures.map(({ name, unit, value, baseline, ratio, pgbench, pgbenchRatio, orders, sizeRatio }) => ({
    name,
    ...(orders === undefined ? {} : { orders }),
    unit,
    value: Number(value.toPrecision(6)),
    baseline: Number(baseline.toPrecision(6)),
    ratio: Number(ratio.toFixed(3)),
    ...(pgbench === undefined ? {} : { pgbench: Number(pgbench.toPrecision(6)), pgbenchRatio: Number((pgbenchRatio ?? Number.NaN).toFixed(3)) }),
    ...(sizeRatio === undefined ? {} : { sizeRatio: Number(sizeRatio.toFixed(3)) }),
  }));
  writeFileSync(file, `${JSON.stringify({ run, figures: rounded }, null, 2)}\n`);
}
