import type { BenchFigure } from "./types";

/** One benchmark line: `ratio` is always Orderly's figure divided by the baseline's. */
export function figure(name: string, unit: string, value: number, baseline: number): BenchFigure {
  return { name, unit, value, baseline, ratio: baseline === 0 ? Number.NaN : value / baseline };
}

/** The figure with pgbench's rate for the same work beside it. */
export function withPgbench(line: BenchFigure, pgbench: number): BenchFigure {
  return { ...line, pgbench, pgbenchRatio: pgbench === 0 ? Number.NaN : line.value / pgbench };
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds `work` takes. */
export async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Times two variants in alternation (A, B, A, B, ...) rather than one block after the other, so
 * a burst of load from anything else on the machine hits both alike and the ratio stays honest.
 * Returns each variant's samples in milliseconds.
 */
export async function alternate(
  variants: [() => Promise<unknown>, () => Promise<unknown>],
  { warmUp, rounds }: { warmUp: number; rounds: number },
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmUp; i++) for (const run of variants) await run();
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    // Swap who goes first each round: the first of a pair sometimes pays for the other's leftovers.
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) samples[k as 0 | 1].push(await elapsedMs(variants[k as 0 | 1]));
  }
  return samples;
}

/** Runs `task(worker, i)` `total` times split over `callers` concurrent loops; resolves when all are done. */
export async function concurrently(callers: number, total: number, task: (caller: number, i: number) => Promise<unknown>): Promise<void> {
  const perCaller = Math.ceil(total / callers);
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      for (let i = 0; i < perCaller; i++) await task(caller, i);
    }),
  );
}
