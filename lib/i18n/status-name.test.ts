import { describe, expect, it } from "vitest";
import { statusNameIn } from "./status-name";

describe("statusNameIn", () => {
  const shipped = { name: "Shipped", translations: { pl: { name: "Wysłane" }, en: { customerLabel: "On its way" } } };

  it("uses the translation for the reader's language", () => {
    expect(statusNameIn(shipped, "pl")).toBe("Wysłane");
  });

  it("falls back to the stored name without a translated name", () => {
    expect(statusNameIn(shipped, "en")).toBe("Shipped");
    expect(statusNameIn({ name: "Nowe", translations: {} }, "en")).toBe("Nowe");
    expect(statusNameIn({ name: "Nowe" }, "pl")).toBe("Nowe");
    expect(statusNameIn({ name: "Nowe", translations: { pl: { name: "  " } } }, "pl")).toBe("Nowe");
  });
});
