import { describe, expect, it } from "vitest";
import { customerTranslator, formatMoneyIn, resolveLocale } from "./index";
import { messages } from "./messages";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("customer texts", () => {
  it("exist in both languages with the same keys", () => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.pl).sort());
  });

  it("fill their placeholders", () => {
    expect(customerTranslator("pl")("order", { number: "ORD-1" })).toBe("Zamówienie ORD-1");
    expect(customerTranslator("en")("greeting", { name: "Anna" })).toBe("Hello, Anna!");
  });

  it("count the items not listed with each language's plural forms", () => {
    const more = (locale: "pl" | "en", count: number) => customerTranslator(locale)("moreItems", { count }).replace(/\s/g, " ");
    expect([1, 2, 5, 22, 25, 19950].map((n) => more("pl", n))).toEqual([
      "i jeszcze 1 produkt",
      "i jeszcze 2 produkty",
      "i jeszcze 5 produktów",
      "i jeszcze 22 produkty",
      "i jeszcze 25 produktów",
      "i jeszcze 19 950 produktów",
    ]);
    expect([1, 2, 19950].map((n) => more("en", n))).toEqual(["and 1 more item", "and 2 more items", "and 19,950 more items"]);
  });

  it("pick the first supported language", () => {
    expect(resolveLocale("de", undefined, "en", "pl")).toBe("en");
    expect(resolveLocale()).toBe("pl");
  });

  it("format money per language", () => {
    expect(formatMoneyIn("en", 24990, "PLN").replace(/\s/g, " ")).toBe("PLN 249.90");
    expect(formatMoneyIn("pl", 24990, "PLN").replace(/\s/g, " ")).toBe("249,90 zł");
  });
});
