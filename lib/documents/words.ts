/**
 * Amounts in words, as invoices print them: "sto dwadzieścia trzy złote 45/100" and
 * "one hundred twenty-three PLN 45/100". Whole units in words, the minor part as a fraction.
 */

const PL_UNITS = ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"];
const PL_TEENS = ["dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście", "osiemnaście", "dziewiętnaście"];
const PL_TENS = ["", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt", "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt"];
const PL_HUNDREDS = ["", "sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset", "osiemset", "dziewięćset"];
/** Singular, "few" (2-4, not 12-14) and "many" forms of each power of a thousand. */
const PL_SCALES: [string, string, string][] = [
  ["", "", ""],
  ["tysiąc", "tysiące", "tysięcy"],
  ["milion", "miliony", "milionów"],
  ["miliard", "miliardy", "miliardów"],
];

/** Which of Polish's three number forms goes with `n`: 1, 2-4 (but not 12-14), or the rest. */
export function polishForm(n: number): 0 | 1 | 2 {
  if (n === 1) return 0;
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 1 : 2;
}

function polishBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(PL_HUNDREDS[hundreds]!);
  if (rest >= 10 && rest < 20) words.push(PL_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(PL_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push(PL_UNITS[rest % 10]!);
  }
  return words;
}

function groupsOf(n: number): number[] {
  const groups: number[] = [];
  do {
    groups.push(n % 1000);
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups;
}

const MAX = 999_999_999_999;

function checkWhole(n: number) {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX) throw new RangeError(`cannot write ${n} in words`);
}

export function polishNumberWords(n: number): string {
  checkWhole(n);
  if (n === 0) return PL_UNITS[0]!;
  const words: string[] = [];
  groupsOf(n).forEach((group, scale) => {
    if (group === 0) return;
    const part = scale > 0 && group === 1 ? [] : polishBelowThousand(group);
    if (scale > 0) part.push(PL_SCALES[scale]![polishForm(group)]);
    words.unshift(...part);
  });
  return words.join(" ");
}

const EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["", "thousand", "million", "billion"];

function englishBelowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(EN_SMALL[hundreds]!, "hundred");
  if (rest >= 20) words.push(EN_TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${EN_SMALL[rest % 10]}` : ""));
  else if (rest > 0) words.push(EN_SMALL[rest]!);
  return words;
}

export function englishNumberWords(n: number): string {
  checkWhole(n);
  if (n === 0) return EN_SMALL[0]!;
  const words: string[] = [];
  groupsOf(n).forEach((group, scale) => {
    if (group === 0) return;
    words.unshift(...englishBelowThousand(group), ...(scale > 0 ? [EN_SCALES[scale]!] : []));
  });
  return words.join(" ");
}

/** Polish names of the currencies a Polish shop invoices in; others are written as their code. */
const PL_CURRENCIES: Record<string, [string, string, string]> = {
  PLN: ["złoty", "złote", "złotych"],
  EUR: ["euro", "euro", "euro"],
  USD: ["dolar", "dolary", "dolarów"],
  GBP: ["funt", "funty", "funtów"],
};

/** The amount in words in the document's language; `minor` in minor units (grosze, cents). */
export function amountInWords(minor: number, currency: string, locale: "pl" | "en"): string {
  checkWhole(Math.abs(Math.trunc(minor / 100)));
  const sign = minor < 0 ? "minus " : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0");
  if (locale === "pl") {
    const forms = PL_CURRENCIES[currency];
    const unit = forms ? forms[polishForm(whole)] : currency;
    return `${sign}${polishNumberWords(whole)} ${unit} ${fraction}/100`;
  }
  return `${sign}${englishNumberWords(whole)} ${currency} ${fraction}/100`;
}
