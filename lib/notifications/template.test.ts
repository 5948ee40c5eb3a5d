import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "./catalogue";
import { checkTemplate, escapeHtml, findVariables, renderTemplate, suggestVariable } from "./template";

describe("findVariables", () => {
  it("finds each placeholder once, spaces allowed inside the braces", () => {
    expect(findVariables("Hi {{customerFirstName}}, order {{ orderNumber }} ({{orderNumber}})")).toEqual([
      "customerFirstName",
      "orderNumber",
    ]);
  });
});

describe("checkTemplate", () => {
  it("accepts a template using only known variables", () => {
    expect(checkTemplate("Dzień dobry {{customerFirstName}}, zamówienie {{orderNumber}} jest {{statusLabel}}.")).toEqual([]);
  });

  it("refuses an unknown variable, naming it and the closest known one", () => {
    expect(checkTemplate("Tracking: {{trackingNumbr}}")).toEqual([
      {
        variable: "trackingNumbr",
        suggestion: "trackingNumber",
        message: "Unknown variable {{trackingNumbr}}: did you mean {{trackingNumber}}?",
      },
    ]);
  });

  it("does not suggest a name that is nothing like it", () => {
    expect(checkTemplate("{{favouriteColour}}")[0]).toMatchObject({ variable: "favouriteColour", suggestion: undefined });
  });

  it("refuses stray braces", () => {
    expect(checkTemplate("Hello {{customerFirstName}")).toHaveLength(1);
    expect(checkTemplate("Hello {{ }}")).toHaveLength(1);
  });
});

describe("suggestVariable", () => {
  it("is case-insensitive about typos", () => {
    expect(suggestVariable("ordernumber")).toBe("orderNumber");
    expect(suggestVariable("shopname")).toBe("shopName");
  });
});

describe("renderTemplate", () => {
  it("fills values and renders missing ones as empty, never undefined", () => {
    expect(renderTemplate("Hi {{customerFirstName}}{{comment}}!", { customerFirstName: "Anna" })).toBe("Hi Anna!");
  });

  it("escapes values for HTML but not the template's own markup", () => {
    const html = renderTemplate("<p>Hi {{customerFirstName}}</p>", { customerFirstName: "<script>alert(1)</script>" }, { escape: escapeHtml });
    expect(html).toBe("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("replaces every placeholder with its escaped value and nothing else", () => {
    const names = VARIABLES.map((v) => v.name);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names)), fc.dictionary(fc.constantFrom(...names), fc.string()), (used, values) => {
        const template = used.map((n) => `[{{${n}}}]`).join(" ");
        const expected = used.map((n) => `[${escapeHtml(values[n] ?? "")}]`).join(" ");
        return renderTemplate(template, values, { escape: escapeHtml }) === expected;
      }),
    );
  });
});
