import { describe, expect, it } from "vitest";
import { idFromSegment, idSearchParam, MAX_INTEGER_ID, longTextSearchParam, pageSearchParam, textFromSegment, textSearchParam } from "./url-params";

describe("numbers from a URL", () => {
  it("takes an id the database's integer column can hold", () => {
    expect(idFromSegment("1")).toBe(1);
    expect(idFromSegment(String(MAX_INTEGER_ID))).toBe(MAX_INTEGER_ID);
  });

  it.each(["0", "-1", "01", "1.5", "1e3", " 1", "%", "abc", "", String(MAX_INTEGER_ID + 1), "99999999999", "9".repeat(400)])(
    "gives no id for %j",
    (segment) => expect(idFromSegment(segment)).toBeUndefined(),
  );

  it("drops a search filter out of range, as it drops a word", () => {
    expect(idSearchParam.parse("12")).toBe(12);
    expect(idSearchParam.parse("99999999999")).toBeUndefined();
    expect(idSearchParam.parse("abc")).toBeUndefined();
  });

  it("reads a page past any real one as the first", () => {
    expect(pageSearchParam.parse("3")).toBe(3);
    expect(pageSearchParam.parse("1e20")).toBe(1);
  });
});

describe("words from a URL", () => {
  it("takes a path segment as it is, unless it holds a NUL", () => {
    expect(textFromSegment("ORD-1%")).toBe("ORD-1%");
    expect(textFromSegment("ORD-1\u0000")).toBeUndefined();
  });

  it("takes a word trimmed, and drops one too long or holding a NUL the database cannot take", () => {
    expect(textSearchParam.parse("  Kowalski ")).toBe("Kowalski");
    expect(textSearchParam.parse("x".repeat(101))).toBeUndefined();
    expect(textSearchParam.parse("Kowal\u0000ski")).toBeUndefined();
    expect(textSearchParam.parse(["a", "b"])).toBeUndefined();
    expect(longTextSearchParam.parse("x".repeat(200))).toHaveLength(200);
    expect(longTextSearchParam.parse("a@example.com\u0000")).toBeUndefined();
  });
});
