import type { Db } from "@/db";

/**
 * One line of the benchmark table and of `bench/results.json`. `ratio` is always value / baseline.
 * Where the same work was also run through pgbench (the database's own limit for it), `pgbench` is
 * its rate and `pgbenchRatio` value / pgbench.
 */
export type BenchFigure = {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  ratio: number;
  pgbench?: number;
  pgbenchRatio?: number;
  /** How many orders the database held (set by the runner). */
  orders?: number;
  /** In a run at several sizes: this figure divided by the same figure at the smallest size. */
  sizeRatio?: number;
};

/** What the runner hands every scenario: one seeded database and, on demand, the app running on it. */
export type BenchContext = {
  /** The benchmark database, seeded with the demo workflow and the benchmark's orders. */
  db: Db;
  /** How many orders it was seeded with. */
  orders: number;
  /** The same database's URL, for scenarios that open their own connections or start processes. */
  databaseUrl: string;
  /** Starts `next start` on this database once (later calls reuse it) and returns its base URL. */
  app: () => Promise<{ url: string }>;
};

export type Scenario = { name: string; run: (context: BenchContext) => Promise<BenchFigure[]> };
