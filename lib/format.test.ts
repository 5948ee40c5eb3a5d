import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration, formatMoney, readableTextColour } from "./format";

describe("formatMoney", () => {
  it("formats minor units in the order's locale", () => {
    expect(formatMoney(12345678, "PLN", "pl").replace(/\s/g, " ")).toBe("123 456,78 zł");
    expect(formatMoney(999, "EUR", "en")).toBe("€9.99");
  });
});

describe("formatDuration", () => {
  it.each([
    [30_000, "just now"],
    [5 * 60_000, "5 min"],
    [(2 * 60 + 7) * 60_000, "2 h 7 min"],
    [3 * 3600_000, "3 h"],
    [(2 * 24 + 5) * 3600_000, "2 d 5 h"],
    [4 * 24 * 3600_000, "4 d"],
  ])("%i ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("readableTextColour", () => {
  it("picks dark text on light colours and light text on dark ones", () => {
    expect(readableTextColour("#ffffff")).toBe("#000000");
    expect(readableTextColour("#fde047")).toBe("#000000");
    expect(readableTextColour("#1e3a8a")).toBe("#ffffff");
    expect(readableTextColour("#000000")).toBe("#ffffff");
  });

  it("always reaches at least 4.5:1 contrast", () => {
    const luminance = (hex: string) => {
      const v = parseInt(hex.slice(1), 16);
      const ch = (s: number) => {
        const c = ((v >> s) & 0xff) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const bg = `#${n.toString(16).padStart(6, "0")}`;
        const fg = readableTextColour(bg);
        const [a, b] = [luminance(bg), luminance(fg)].sort((x, y) => y - x) as [number, number];
        return (a + 0.05) / (b + 0.05) >= 4.5;
      }),
    );
  });
});
