import { describe, expect, it } from "vitest";
import { nameIn } from "./name-in";

describe("nameIn", () => {
  const shipped = { name: "Shipped", translations: { pl: { name: "Wysłane" }, en: { customerLabel: "On its way" } } };

  it("uses the translation for the reader's language", () => {
    expect(nameIn(shipped, "pl")).toBe("Wysłane");
  });

  it("names a status group the same way", () => {
    const group = { name: "New", translations: { pl: { name: "Nowe" } } };
    expect([nameIn(group, "pl"), nameIn(group, "en")]).toEqual(["Nowe", "New"]);
  });

  it("falls back to the stored name without a translated name", () => {
    expect(nameIn(shipped, "en")).toBe("Shipped");
    expect(nameIn({ name: "Nowe", translations: {} }, "en")).toBe("Nowe");
    expect(nameIn({ name: "Nowe" }, "pl")).toBe("Nowe");
    expect(nameIn({ name: "Nowe", translations: { pl: { name: "  " } } }, "pl")).toBe("Nowe");
  });
});
