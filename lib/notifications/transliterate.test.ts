import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectEncoding, measureSms } from "./sms";
import { transliteratesSms, withoutPolishLetters } from "./transliterate";

describe("withoutPolishLetters", () => {
  it("replaces every Polish letter, small and capital, with its plain one", () => {
    expect(withoutPolishLetters("ąćęłńóśźż")).toBe("acelnoszz");
    expect(withoutPolishLetters("ĄĆĘŁŃÓŚŹŻ")).toBe("ACELNOSZZ");
    expect(withoutPolishLetters("Zażółć gęślą jaźń")).toBe("Zazolc gesla jazn");
  });

  it("leaves everything else as it is, GSM-7 letters like é or ü too", () => {
    expect(withoutPolishLetters("Paczka ORD-1 w drodze: 24,50 zł → 🙂 é ü")).toBe("Paczka ORD-1 w drodze: 24,50 zl → 🙂 é ü");
  });

  it("replaces decomposed letters (e + combining ogonek) too", () => {
    expect(withoutPolishLetters("e\u0328 z\u0307")).toBe("e z");
  });

  it("turns a message whose only non-GSM characters are Polish letters into GSM-7", () => {
    const polish = "Zamówienie ORD-10482 zostało wysłane. Śledź przesyłkę: https://sklep.example.com/t/8kY2pQ";
    expect(detectEncoding(polish).encoding).toBe("UCS-2");
    expect(detectEncoding(withoutPolishLetters(polish)).encoding).toBe("GSM-7");
  });

  it("keeps the length in characters, so no Polish text ever needs more parts without its letters", () => {
    const polishText = fc.string({ unit: fc.constantFrom(..."aąbcćeęlłnńoósśzźżAĄĘŁŻ .,!\n") });
    fc.assert(
      fc.property(polishText, (text) => {
        const plain = withoutPolishLetters(text);
        return [...plain].length === [...text].length && measureSms(plain).segments <= measureSms(text).segments;
      }),
    );
  });
});

describe("transliteratesSms", () => {
  it("follows the template's own choice, else the shop's", () => {
    expect(transliteratesSms({ smsTransliterate: null }, { smsTransliterate: true })).toBe(true);
    expect(transliteratesSms({}, { smsTransliterate: false })).toBe(false);
    expect(transliteratesSms({ smsTransliterate: false }, { smsTransliterate: true })).toBe(false);
    expect(transliteratesSms({ smsTransliterate: true }, { smsTransliterate: false })).toBe(true);
  });
});

describe("segments with and without Polish letters", () => {
  it.each([
    // Polish letters force UCS-2: 70 per single part, 67 per part of a long one
    ["ł".repeat(70), "UCS-2", 1, "GSM-7", 1],
    ["ł".repeat(71), "UCS-2", 2, "GSM-7", 1],
    ["ł".repeat(134), "UCS-2", 2, "GSM-7", 1],
    ["ł".repeat(135), "UCS-2", 3, "GSM-7", 1],
    // without them GSM-7: 160 per single part, 153 per part of a long one
    ["ż".repeat(160), "UCS-2", 3, "GSM-7", 1],
    ["ż".repeat(161), "UCS-2", 3, "GSM-7", 2],
    ["ż".repeat(306), "UCS-2", 5, "GSM-7", 2],
    ["ż".repeat(307), "UCS-2", 5, "GSM-7", 3],
  ] as const)("%# → %s %i part(s), without Polish letters %s %i part(s)", (text, encoding, segments, plainEncoding, plainSegments) => {
    const withLetters = measureSms(text);
    const without = measureSms(withoutPolishLetters(text));
    expect([withLetters.encoding, withLetters.segments]).toEqual([encoding, segments]);
    expect([without.encoding, without.segments]).toEqual([plainEncoding, plainSegments]);
    expect(withLetters.perSegment).toBe(segments === 1 ? 70 : 67);
    expect(without.perSegment).toBe(plainSegments === 1 ? 160 : 153);
  });

  it("still needs UCS-2 when other characters than Polish letters force it", () => {
    expect(measureSms(withoutPolishLetters("Dziękujemy 🙂")).encoding).toBe("UCS-2");
  });
});
