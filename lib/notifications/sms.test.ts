import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectEncoding, measureSms, smsCost } from "./sms";

describe("measureSms: hand-counted cases", () => {
  it.each([
    // text, encoding, units, segments
    ["", "GSM-7", 0, 1],
    ["Hello", "GSM-7", 5, 1],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    // € ^ { } [ ] ~ | \ take two septets each
    ["Cena 10€", "GSM-7", 9, 1],
    ["{}[]~|^\\€", "GSM-7", 18, 1],
    ["a".repeat(159) + "€", "GSM-7", 161, 2],
    // line breaks count twice
    ["Line1\nLine2", "GSM-7", 12, 1],
    ["Line1\r\nLine2", "GSM-7", 12, 1],
    // Polish letters are not GSM-7
    ["Zamówienie wysłane", "UCS-2", 18, 1],
    ["ą".repeat(70), "UCS-2", 70, 1],
    ["ą".repeat(71), "UCS-2", 71, 2],
    ["ą".repeat(134), "UCS-2", 134, 2],
    ["ą".repeat(135), "UCS-2", 135, 3],
    // an emoji is two UTF-16 code units
    ["Dzięki 🙂", "UCS-2", 9, 1],
  ] as const)("%j → %s, %i units, %i segment(s)", (text, encoding, units, segments) => {
    const m = measureSms(text);
    expect([m.encoding, m.units, m.segments]).toEqual([encoding, units, segments]);
  });

  it("never splits an escape pair across segments", () => {
    // 152 plain septets then €: 154 units; in 153-unit parts the € cannot straddle the border.
    const m = measureSms("a".repeat(152) + "€" + "a".repeat(10));
    expect(m.units).toBe(164);
    expect(m.segments).toBe(2);
    expect(m.remaining).toBe(153 - 12);
  });

  it("names the characters that force UCS-2", () => {
    expect(detectEncoding("Paczka już w drodze, żółć").nonGsmCharacters).toEqual(["ż", "ó", "ł", "ć"]);
    expect(detectEncoding("Paczka juz w drodze").encoding).toBe("GSM-7");
  });

  it("prices per segment", () => {
    expect(smsCost(measureSms("a".repeat(200)), 16)).toBe(32);
  });
});

describe("measureSms: properties", () => {
  const gsmText = fc.string({ unit: fc.constantFrom(..."abcXYZ 019.,!?@€{}[]\n") });
  const anyText = fc.string({ unit: "grapheme" });

  it("segments are the fewest that hold the units", () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), (text) => {
        const m = measureSms(text);
        const single = m.encoding === "GSM-7" ? 160 : 70;
        const multi = m.encoding === "GSM-7" ? 153 : 67;
        if (m.units <= single) return m.segments === 1;
        // Never fewer than a perfect packing, at most one more per unsplittable pair boundary.
        return m.segments >= Math.ceil(m.units / multi) && m.segments <= Math.ceil(m.units / (multi - 1));
      }),
    );
  });

  it("adding text never needs fewer segments, nor fewer units in the same encoding", () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), fc.oneof(gsmText, anyText), (a, b) => {
        const ma = measureSms(a);
        const mab = measureSms(a + b);
        const sameEncoding = ma.encoding === mab.encoding;
        return mab.segments >= ma.segments && (!sameEncoding || mab.units >= ma.units);
      }),
    );
  });
});
