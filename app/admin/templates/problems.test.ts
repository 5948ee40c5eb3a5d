import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { templateProblems } from "./problems";

const say = (locale: "pl" | "en", problems: ReturnType<typeof templateProblems>) => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "templates" });
  return Object.fromEntries(Object.entries(problems).map(([field, list]) => [field, list.map((p) => t(`errors.${p.key}`, p.values as never))]));
};

describe("templateProblems", () => {
  it("names a mistyped variable with its suggestion, by field, in either language", () => {
    const problems = templateProblems({ channel: "email", audience: "customer", subject: "Reklamacja {{ordrNumber}}", body: "ok" });
    expect(say("en", problems)).toEqual({ subject: ["Unknown variable {{ordrNumber}}: did you mean {{orderNumber}}?"] });
    expect(say("pl", problems)).toEqual({ subject: ["Nieznana zmienna {{ordrNumber}}: czy chodziło o {{orderNumber}}?"] });
  });

  it("refuses an email without a subject, an empty text, stray braces and an SMS over 6 parts", () => {
    expect(Object.keys(templateProblems({ channel: "email", audience: "customer", subject: " ", body: " " })).sort()).toEqual(["body", "subject"]);
    expect(say("pl", templateProblems({ channel: "sms", audience: "customer", subject: "", body: "Paczka {{ w drodze" }))).toEqual({
      body: ["Znaki {{ lub }} nie tworzą poprawnej zmiennej, np. {{variable}}."],
    });
    expect(templateProblems({ channel: "sms", audience: "customer", subject: "", body: "ż".repeat(67 * 6 + 1) }).body?.map((p) => p.key)).toEqual(["smsTooLong"]);
    expect(templateProblems({ channel: "sms", audience: "customer", subject: "", body: "z".repeat(67 * 6 + 1) })).toEqual({});
  });

  it("checks only the variables for a preview", () => {
    expect(templateProblems({ channel: "email", audience: "customer", subject: "", body: "" }, { forPreview: true })).toEqual({});
  });
});
