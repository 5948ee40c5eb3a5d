import { describe, expect, it } from "vitest";
import { formatTable } from "./report";
import { compareSizes, databaseUrlForSize, parseSizes } from "./sizes";
import type { BenchFigure } from "./types";

describe("benchmark sizes", () => {
  it("reads --sizes in plain numbers or k and m, smallest first, once each", () => {
    expect(parseSizes(undefined)).toEqual([100_000]);
    expect(parseSizes("1m,100k")).toEqual([100_000, 1_000_000]);
    expect(parseSizes("1000000, 100_000,100000")).toEqual([100_000, 1_000_000]);
    expect(() => parseSizes("many")).toThrow();
    expect(() => parseSizes("0")).toThrow();
  });

  it("keeps the default size's database and names the others by their size", () => {
    expect(databaseUrlForSize("postgres://root@127.0.0.1:5432/orderly_bench", 100_000)).toBe("postgres://root@127.0.0.1:5432/orderly_bench");
    expect(databaseUrlForSize("postgres://root@127.0.0.1:5432/orderly_bench", 1_000_000)).toBe("postgres://root@127.0.0.1:5432/orderly_bench_1000000");
  });

  it("divides each figure by the same figure at the smallest size and puts a figure's sizes together", () => {
    const line = (name: string, orders: number, value: number): BenchFigure => ({ name, unit: "ms", value, baseline: 1, ratio: value, orders });
    const compared = compareSizes([line("board", 100_000, 2), line("search", 100_000, 4), line("board", 1_000_000, 3), line("search", 1_000_000, 4)]);
    expect(compared.map((f) => [f.name, f.orders, f.sizeRatio])).toEqual([
      ["board", 100_000, undefined],
      ["board", 1_000_000, 1.5],
      ["search", 100_000, undefined],
      ["search", 1_000_000, 1],
    ]);
    const table = formatTable(compared).split("\n");
    expect(table[0]).toMatch(/orders.*vs 100,000/);
    expect(table[3]).toMatch(/^board\s+1,000,000\s.*\s1\.50$/);
  });
});
