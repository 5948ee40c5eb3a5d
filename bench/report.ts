import { writeFileSync } from "node:fs";
import type { BenchFigure } from "./types";

export const RESULTS_FILE = "bench/results.json";

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The one table every run prints: scenario, Orderly's figure, the baseline's, and their ratio. */
export function formatTable(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [f.name, `${formatNumber(f.value)} ${f.unit}`, `${formatNumber(f.baseline)} ${f.unit}`, `${f.ratio.toFixed(2)}`]);
  const header = ["scenario", "Orderly", "baseline", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

/** `bench/results.json`: exactly the table's figures, as `[{ name, unit, value, baseline, ratio }]`. */
export function writeResults(figures: BenchFigure[], file = RESULTS_FILE): void {
  const rounded = figures.map(({ name, unit, value, baseline, ratio }) => ({
    name,
    unit,
    value: Number(value.toPrecision(6)),
    baseline: Number(baseline.toPrecision(6)),
    ratio: Number(ratio.toFixed(3)),
  }));
  writeFileSync(file, `${JSON.stringify(rounded, null, 2)}\n`);
}
