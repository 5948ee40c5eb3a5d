import { describe, expect, it } from "vitest";
import { checkbox, moneyInput } from "./form-data";

describe("moneyInput", () => {
  it.each([
    ["123.45", 12345],
    ["123,45", 12345],
    ["1 234,50", 123450],
    ["7", 700],
    ["0.1", 10],
  ])("%s is %i minor units", (text, minor) => expect(moneyInput.parse(text)).toBe(minor));

  it.each(["", "abc", "-5", "1.234", "0", "12.3.4"])("refuses %j", (text) => {
    expect(moneyInput.safeParse(text).success).toBe(false);
  });
});

describe("checkbox", () => {
  it("is true only when ticked", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(checkbox.parse("")).toBe(false);
  });
});
