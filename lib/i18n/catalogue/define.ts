/** The English side of a namespace has exactly the Polish side's keys, every text a string. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/**
 * One namespace of the catalogue in both languages. Polish comes first because it is the shop's
 * default; TypeScript refuses an English side with a key missing or extra, and
 * `lib/i18n/catalogue.test.ts` checks that both sides take the same ICU arguments.
 */
export function bilingual<const PL extends object>(texts: { pl: PL; en: SameKeys<PL> }): { pl: PL; en: SameKeys<PL> } {
  return texts;
}
