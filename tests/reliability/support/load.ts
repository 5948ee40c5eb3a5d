/** A small seeded generator, so a failing run can be replayed with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Counts outcomes by name ("ok", "version_conflict", "threw: ..."). */
export class Tally {
  readonly counts = new Map<string, number>();
  add(name: string) {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  toJSON() {
    return Object.fromEntries([...this.counts.entries()].sort());
  }
}

/**
 * Runs `clients` loops side by side until `durationMs` has passed; each loop calls `step` with
 * its own seeded generator. The duration bounds the run; nothing asserts how fast it went.
 */
export async function runClients(options: {
  clients: number;
  seed: number;
  step: (random: () => number, client: number) => Promise<void>;
  /** Stop after this long, or once `stopped` says so (for scenarios that end on an event). */
  durationMs?: number;
  stopped?: () => boolean;
}): Promise<void> {
  const deadline = Date.now() + (options.durationMs ?? Infinity);
  const stopped = options.stopped ?? (() => false);
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      const random = seededRandom(options.seed + client);
      while (Date.now() < deadline && !stopped()) await options.step(random, client);
    }),
  );
}

/** Wall-clock milliseconds per named step of a scenario, for its printed report. */
export class StepTimings {
  private readonly took = new Map<string, number>();
  async time<T>(step: string, work: Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work;
    } finally {
      this.took.set(step, Date.now() - started);
    }
  }
  toJSON() {
    return Object.fromEntries(this.took);
  }
}

/**
 * Rejects, naming the step, when `work` has not settled within `ms`. A query stuck on a dead
 * connection never settles; without this the scenario would end in the test's own timeout with
 * no word on which step was stuck.
 */
export async function withDeadline<T>(step: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, overdue]);
  } finally {
    clearTimeout(timer);
  }
}
