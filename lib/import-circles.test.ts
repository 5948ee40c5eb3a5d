import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCircles, importGraph } from "@/tests/support/import-graph";

const root = path.resolve(import.meta.dirname, "..");

describe("lib/ import graph", () => {
  it("finds a circle where there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(importCircles(graph)).toEqual([["a", "b", "c"], ["e"]]);
  });

  it("has no module that is part of an import circle", () => {
    const circles = importCircles(importGraph(root, "lib"));
    const listed = circles.map((circle) => `  ${circle.join(" <-> ")}`).join("\n");
    expect(circles, `import circles in lib/:\n${listed}`).toEqual([]);
  });
});
