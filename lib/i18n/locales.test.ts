import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, staffLocale } from "./locales";

describe("fromAcceptLanguage", () => {
  it("picks the supported language the browser ranks highest", () => {
    expect(fromAcceptLanguage("pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("pl");
    expect(fromAcceptLanguage("en-GB,en;q=0.9,pl;q=0.8")).toBe("en");
    expect(fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5,pl;q=0.4")).toBe("en");
    expect(fromAcceptLanguage("en;q=0.3, pl;q=0.6")).toBe("pl");
  });

  it("asks for neither when the browser wants neither, refuses it (q=0) or sends nothing", () => {
    expect(fromAcceptLanguage("de,fr;q=0.8,*;q=0.1")).toBeUndefined();
    expect(fromAcceptLanguage("pl;q=0, de")).toBeUndefined();
    expect(fromAcceptLanguage("")).toBeUndefined();
    expect(fromAcceptLanguage(null)).toBeUndefined();
    expect(fromAcceptLanguage("en;q=abc")).toBeUndefined();
  });
});

describe("staffLocale", () => {
  it("takes the person's choice first, then the browser, then the shop, then Polish", () => {
    expect(staffLocale({ chosen: "en", acceptLanguage: "pl", shop: "pl" })).toBe("en");
    expect(staffLocale({ chosen: null, acceptLanguage: "en-US", shop: "pl" })).toBe("en");
    expect(staffLocale({ acceptLanguage: "de", shop: "en" })).toBe("en");
    expect(staffLocale({ acceptLanguage: "de", shop: "fr" })).toBe("pl");
    expect(staffLocale({})).toBe("pl");
  });
});
