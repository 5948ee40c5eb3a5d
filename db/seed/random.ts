/**
 * A small seeded PRNG (mulberry32) so demo data is the same on every run. Not for anything
 * secret: tracking tokens come from the crypto module.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for item `index` of a stream: the same index always gives the same values. */
  static forIndex(seed: number, index: number): Random {
    // Mix the two with multiplicative hashing so neighbouring indices do not start alike.
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return new Random(h ^ (h >>> 16));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of `options`, chosen in proportion to its weight; undefined when all weights are 0. */
  weighted<T>(options: readonly (readonly [T, number])[]): T | undefined {
    let total = 0;
    for (const [, w] of options) total += w;
    if (total <= 0) return undefined;
    let r = this.next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0 && w > 0) return value;
    }
    // Rounding can leave r at a hair above 0: the last positive option takes it.
    for (let i = options.length - 1; i >= 0; i--) {
      const option = options[i];
      if (option && option[1] > 0) return option[0];
    }
    return undefined;
  }

  /** Exponentially distributed, for waiting times. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  digits(count: number): string {
    let s = "";
    for (let i = 0; i < count; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}
