import type { BenchFigure } from "./types";

/** The size every run uses unless `--sizes` says otherwise. */
export const DEFAULT_ORDERS = 100_000;

/** What a run at several sizes measures unless scenarios are named: everything that reads history. */
export const SCALE_SCENARIOS = ["board", "search", "order-page", "analytics"];

/** `--sizes 100000,1000000` (or `100k,1m`), smallest first; none given: the default size. */
export function parseSizes(text: string | undefined): number[] {
  if (!text) return [DEFAULT_ORDERS];
  const sizes = text.split(",").map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(part.replace(/_/g, ""));
    const n = match ? Number(match[1]) * (match[2]!.toLowerCase() === "m" ? 1_000_000 : match[2]!.toLowerCase() === "k" ? 1_000 : 1) : NaN;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: "${part}" is not a number of orders`);
    return n;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** The default size keeps the database it always had; any other gets its own, named by its size. */
export function databaseUrlForSize(baseUrl: string, orders: number): string {
  if (orders === DEFAULT_ORDERS) return baseUrl;
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_${orders}`;
  return url.toString();
}

/** Each figure measured at a larger size, divided by the same figure at the smallest size. */
export function compareSizes(figures: BenchFigure[]): BenchFigure[] {
  const sizes = [...new Set(figures.map((f) => f.orders).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  if (sizes.length < 2) return figures;
  const smallest = new Map(figures.filter((f) => f.orders === sizes[0]).map((f) => [f.name, f.value]));
  const firstSeen = [...new Set(figures.map((f) => f.name))];
  return figures
    .map((f) => {
      const base = smallest.get(f.name);
      return f.orders === sizes[0] || base === undefined ? f : { ...f, sizeRatio: base === 0 ? Number.NaN : f.value / base };
    })
    // Each figure's sizes side by side, in the order the scenarios ran.
    .sort((a, b) => firstSeen.indexOf(a.name) - firstSeen.indexOf(b.name) || (a.orders ?? 0) - (b.orders ?? 0));
}
