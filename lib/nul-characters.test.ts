import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findNulCharacters } from "./nul-characters";

describe("findNulCharacters", () => {
  it("names the path of every string, key or form field holding a NUL", () => {
    expect(findNulCharacters({ a: "ok", b: ["x", "y\u0000"], c: { "k\u0000": 1 } }).map((i) => i.path)).toEqual([
      ["b", 1],
      ["c", "k\u0000"],
    ]);
    const form = new FormData();
    form.set("comment", "hi\u0000there");
    form.set("name", "fine");
    expect(findNulCharacters(form).map((i) => i.path)).toEqual([["comment"]]);
    expect(findNulCharacters("\u0000")).toHaveLength(1);
  });

  it("finds nothing in any JSON value without a NUL", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!JSON.stringify(value).includes("\\u0000"));
        expect(findNulCharacters(value)).toEqual([]);
      }),
    );
  });
});
