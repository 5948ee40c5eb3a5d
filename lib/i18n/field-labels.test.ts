import { describe, expect, it } from "vitest";
import { labelsOf } from "./field-labels";

describe("labelsOf", () => {
  const labels = { name: "Nazwa", colour: "Kolor", externalCodes: "Kody marketplace", "translations.en.name": "Nazwa (angielski)" };

  it("names refused fields by their labels, in the form's order, each once, never by a path", () => {
    expect(
      labelsOf(
        { "status.colour": ["x"], name: ["x"], "externalCodes.0.code": ["x"], "externalCodes.1.channel": ["x"], "status.translations.en.name": ["x"] },
        labels,
      ),
    ).toEqual(["Nazwa", "Kolor", "Kody marketplace", "Nazwa (angielski)"]);
  });

  it("leaves out a field without a label", () => {
    expect(labelsOf({ "": ["x"], "some.internal.path": ["x"] }, labels)).toEqual([]);
  });
});
