import { describe, expect, it } from "vitest";
import { editableTranslations, translationsInput } from "./name-translations";

describe("a group's or an order type's names per language, between the database and its fields", () => {
  it("fills a field per staff language, empty where there is no translation", () => {
    expect(editableTranslations({ pl: { name: "Nowe" } })).toEqual({ pl: "Nowe", en: "" });
    expect(editableTranslations({})).toEqual({ pl: "", en: "" });
  });

  it("sends every language back, trimmed, so an emptied field clears its translation", () => {
    expect(translationsInput({ pl: "  Zwroty ", en: "" })).toEqual({ pl: { name: "Zwroty" }, en: { name: "" } });
    expect(translationsInput(editableTranslations({ en: { name: "Returns" } }))).toEqual({ pl: { name: "" }, en: { name: "Returns" } });
  });
});
