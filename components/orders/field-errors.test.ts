import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { fieldErrorMessage, tooLong } from "./field-errors";

const said = (locale: "pl" | "en", code: string) => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "order.errors" });
  const m = fieldErrorMessage(code);
  return t(m.key, m.values as never);
};

describe("fieldErrorMessage", () => {
  it("words the order forms' schema keys in the reader's language", () => {
    expect(said("pl", "trackingChars")).toBe("Numer przesyłki może zawierać tylko litery, cyfry i myślniki.");
    expect(said("en", "trackingChars")).toBe("A tracking number has only letters, digits and dashes");
    expect(said("pl", "amountPositive")).toBe("Kwota musi być większa od zera.");
  });

  it("counts characters with Polish plural forms", () => {
    expect(said("pl", tooLong(64))).toBe("Najwyżej 64 znaki.");
    expect(said("pl", tooLong(5000))).toBe("Najwyżej 5000 znaków.");
    expect(said("en", tooLong(1))).toBe("At most 1 character.");
  });

  it("never shows a message it does not know, such as a server's English text", () => {
    expect(fieldErrorMessage("Use a courier key like inpost")).toEqual({ key: "invalid", values: {} });
    expect(fieldErrorMessage("tooLong:many")).toEqual({ key: "invalid", values: {} });
  });
});
