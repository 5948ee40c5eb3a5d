import { describe, expect, it } from "vitest";
import { editableNames, editableTranslations, namesInput, NO_NAMES, translationsInput } from "./name-translations";

describe("a group's or an order type's names per language, between the database and its fields", () => {
  it("fills a field per staff language, empty where there is no translation", () => {
    expect(editableTranslations({ pl: { name: "Nowe" } })).toEqual({ pl: "Nowe", en: "" });
    expect(editableTranslations({})).toEqual({ pl: "", en: "" });
  });

  it("sends every language back, trimmed, so an emptied field clears its translation", () => {
    expect(translationsInput({ pl: "  Zwroty ", en: "" })).toEqual({ pl: { name: "Zwroty" }, en: { name: "" } });
    expect(translationsInput(editableTranslations({ en: { name: "Returns" } }))).toEqual({ pl: { name: "" }, en: { name: "Returns" } });
  });

  it("starts a form from the stored names and sends them back as the action takes them", () => {
    const names = editableNames({ name: "Retail", translations: { pl: { name: "Detaliczne" } } });
    expect(names).toEqual({ name: "Retail", translations: { pl: "Detaliczne", en: "" } });
    expect(namesInput({ ...names, translations: { ...names.translations, en: " Shop " } })).toEqual({ name: "Retail", translations: { pl: { name: "Detaliczne" }, en: { name: "Shop" } } });
    expect(NO_NAMES).toEqual({ name: "", translations: { pl: "", en: "" } });
  });
});
