import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountInWords, englishNumberWords, polishForm, polishNumberWords } from "./words";

/** Reads Polish number words back into a number: an independent check of what the writer says. */
function parsePolish(text: string): number {
  const values: Record<string, number> = {};
  ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"].forEach((w, i) => (values[w] = i));
  ["dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście", "osiemnaście", "dziewiętnaście"].forEach((w, i) => (values[w] = 10 + i));
  ["dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt", "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt"].forEach((w, i) => (values[w] = 20 + 10 * i));
  ["sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset", "osiemset", "dziewięćset"].forEach((w, i) => (values[w] = 100 * (i + 1)));
  const scales: Record<string, number> = {};
  for (const w of ["tysiąc", "tysiące", "tysięcy"]) scales[w] = 1e3;
  for (const w of ["milion", "miliony", "milionów"]) scales[w] = 1e6;
  for (const w of ["miliard", "miliardy", "miliardów"]) scales[w] = 1e9;
  let total = 0;
  let group = 0;
  for (const word of text.split(" ")) {
    if (word in scales) {
      total += (group || 1) * scales[word]!;
      group = 0;
    } else if (word in values) group += values[word]!;
    else throw new Error(`unknown word ${word}`);
  }
  return total + group;
}

function parseEnglish(text: string): number {
  const small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
  const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const scales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
  let total = 0;
  let group = 0;
  for (const word of text.split(" ")) {
    if (word === "hundred") group *= 100;
    else if (word in scales) {
      total += group * scales[word]!;
      group = 0;
    } else {
      for (const part of word.split("-")) {
        const i = small.indexOf(part);
        const t = tens.indexOf(part);
        if (i >= 0) group += i;
        else if (t >= 2) group += t * 10;
        else throw new Error(`unknown word ${part}`);
      }
    }
  }
  return total + group;
}

describe("amounts in words", () => {
  it("writes Polish amounts as invoices print them", () => {
    expect(amountInWords(12345, "PLN", "pl")).toBe("sto dwadzieścia trzy złote 45/100");
    expect(amountInWords(100, "PLN", "pl")).toBe("jeden złoty 00/100");
    expect(amountInWords(5, "PLN", "pl")).toBe("zero złotych 05/100");
    expect(amountInWords(1200, "PLN", "pl")).toBe("dwanaście złotych 00/100");
    expect(amountInWords(2200, "PLN", "pl")).toBe("dwadzieścia dwa złote 00/100");
    expect(amountInWords(2500, "PLN", "pl")).toBe("dwadzieścia pięć złotych 00/100");
    expect(amountInWords(100000, "PLN", "pl")).toBe("tysiąc złotych 00/100");
    expect(amountInWords(214599, "PLN", "pl")).toBe("dwa tysiące sto czterdzieści pięć złotych 99/100");
    expect(amountInWords(1201300, "PLN", "pl")).toBe("dwanaście tysięcy trzynaście złotych 00/100");
    expect(amountInWords(10100000, "PLN", "pl")).toBe("sto jeden tysięcy złotych 00/100");
    expect(amountInWords(100100100, "PLN", "pl")).toBe("milion tysiąc jeden złotych 00/100");
    expect(amountInWords(99, "EUR", "pl")).toBe("zero euro 99/100");
    expect(amountInWords(300, "USD", "pl")).toBe("trzy dolary 00/100");
    expect(amountInWords(700, "CZK", "pl")).toBe("siedem CZK 00/100");
  });

  it("writes English amounts with the currency code", () => {
    expect(amountInWords(12345, "PLN", "en")).toBe("one hundred twenty-three PLN 45/100");
    expect(amountInWords(0, "EUR", "en")).toBe("zero EUR 00/100");
    expect(amountInWords(100000000, "PLN", "en")).toBe("one million PLN 00/100");
    expect(amountInWords(2004001700, "PLN", "en")).toBe("twenty million forty thousand seventeen PLN 00/100");
  });

  it("picks Polish number forms by the last two digits", () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 24, 25, 112, 122].map(polishForm)).toEqual([0, 1, 1, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1]);
  });

  it("Polish words read back as the number they stand for", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => parsePolish(polishNumberWords(n)) === n));
  });

  it("English words read back as the number they stand for", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => parseEnglish(englishNumberWords(n)) === n));
  });

  it("never leaves double spaces or empty words, and names the currency in the right form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (minor) => {
        const text = amountInWords(minor, "PLN", "pl");
        const whole = Math.floor(minor / 100);
        const unit = ["złoty", "złote", "złotych"][polishForm(whole)];
        return !/\s{2}/.test(text) && text.endsWith(` ${unit} ${String(minor % 100).padStart(2, "0")}/100`);
      }),
    );
  });

  it("refuses what it cannot write", () => {
    expect(() => polishNumberWords(1.5)).toThrow(RangeError);
    expect(() => englishNumberWords(1e13)).toThrow(RangeError);
  });
});
