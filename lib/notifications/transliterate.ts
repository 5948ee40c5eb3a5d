/**
 * SMS without Polish letters: ą→a, ć→c, ę→e, ł→l, ń→n, ó→o, ś→s, ź→z, ż→z (and capitals), so a
 * message whose only non-GSM characters were Polish letters goes as GSM-7: 160 characters a part
 * instead of 70. Every other character is left as it is.
 */
const PLAIN: Record<string, string> = {
  ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z",
  Ą: "A", Ć: "C", Ę: "E", Ł: "L", Ń: "N", Ó: "O", Ś: "S", Ź: "Z", Ż: "Z",
};

const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g;

export function withoutPolishLetters(text: string): string {
  // Decomposed input ("e" + combining ogonek) is composed first, so it is replaced too.
  return text.normalize("NFC").replace(POLISH_LETTERS, (letter) => PLAIN[letter]!);
}

/** Whether an SMS goes without Polish letters: the template's own choice, else the shop's setting. */
export function transliteratesSms(template: { smsTransliterate?: boolean | null }, shop: { smsTransliterate: boolean }): boolean {
  return template.smsTransliterate ?? shop.smsTransliterate;
}
