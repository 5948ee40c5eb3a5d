import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { messages } from "./messages";

/** Every text of the catalogue by its dotted key. */
function texts(tree: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [k, v] of texts(value as object, path)) found.set(k, v);
  }
  return found;
}

/** The arguments an ICU message takes, with their kind (plain, number, plural, select, date...). */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.set(`<${element.value}>`, "tag");
      argumentsOf(element.children, into);
      continue;
    }
    into.set(element.value, TYPE[element.type]);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe("the message catalogue", () => {
  const pl = texts(messages.pl);
  const en = texts(messages.en);

  it("has every key in both languages", () => {
    expect([...en.keys()].filter((key) => !pl.has(key)), "in English only").toEqual([]);
    expect([...pl.keys()].filter((key) => !en.has(key)), "in Polish only").toEqual([]);
  });

  // Names only: one language may need a plural where the other prints the number ("3 dni" / "3 d").
  it("parses in both languages, and each message takes the same arguments in both", () => {
    const differing: string[] = [];
    for (const [key, polish] of pl) {
      const plArgs = [...argumentsOf(parse(polish)).keys()].sort();
      const enArgs = [...argumentsOf(parse(en.get(key) ?? "")).keys()].sort();
      if (plArgs.join() !== enArgs.join()) differing.push(`${key}: pl {${plArgs.join(", ")}} en {${enArgs.join(", ")}}`);
    }
    expect(differing).toEqual([]);
  });

  it("has no empty text in either language", () => {
    expect([...pl].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    expect([...en].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("uses Polish plural forms: one, few and many, wherever it counts", () => {
    const missing: string[] = [];
    for (const [key, polish] of pl) {
      const visit = (elements: MessageFormatElement[]) => {
        for (const element of elements) {
          if (element.type === TYPE.plural) {
            for (const form of ["one", "few", "many", "other"]) if (!(form in element.options) && !("=1" in element.options && form === "one")) missing.push(`${key}: ${form}`);
            for (const option of Object.values(element.options)) visit(option.value);
          } else if (element.type === TYPE.select) for (const option of Object.values(element.options)) visit(option.value);
          else if (element.type === TYPE.tag) visit(element.children);
        }
      };
      visit(parse(polish));
    }
    expect(missing).toEqual([]);
  });
});
