import { describe, expect, it } from "vitest";
import { errorMessage, someCauseCode } from "./error-causes";

describe("errorMessage", () => {
  it("gives an Error's own message, not its name or stack", () => {
    expect(errorMessage(new TypeError("fetch failed"))).toBe("fetch failed");
    expect(errorMessage(new Error("Failed query: select 1", { cause: new Error("inner") }))).toBe("Failed query: select 1");
  });

  it("gives anything else thrown as text", () => {
    expect(errorMessage("ECONNRESET")).toBe("ECONNRESET");
    expect(errorMessage(42)).toBe("42");
    expect(errorMessage(undefined)).toBe("undefined");
    expect(errorMessage({ code: "57P01" })).toBe("[object Object]");
  });
});

describe("someCauseCode", () => {
  it("finds a code on the error or down its cause chain, and none past five links", () => {
    const deep = (depth: number): unknown => (depth === 0 ? { code: "57P01" } : new Error(`level ${depth}`, { cause: deep(depth - 1) }));
    expect(someCauseCode(deep(0), (code) => code === "57P01")).toBe(true);
    expect(someCauseCode(deep(4), (code) => code === "57P01")).toBe(true);
    expect(someCauseCode(deep(5), (code) => code === "57P01")).toBe(false);
    expect(someCauseCode(new Error("no code"), () => true)).toBe(false);
  });
});
