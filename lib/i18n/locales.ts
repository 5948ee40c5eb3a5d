export const LOCALES = ["pl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const INTL_TAGS: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** The BCP 47 tag Intl formats a supported language with (British English: "PLN 24.50", "5 Dec 2026"). */
export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale];
}

/** "a, b and c" / "a, b i c" (or "or" / "lub" as a disjunction), in the reader's language. */
export function listOf(locale: Locale, values: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(intlTag(locale), { style: "long", type }).format(values);
}

/** The first supported locale among the candidates (e.g. ?lang=, the order's, the shop's). */
export function resolveLocale(...candidates: unknown[]): Locale {
  return candidates.find(isLocale) ?? "pl";
}

/**
 * The supported language an `Accept-Language` header prefers most (RFC 9110 §12.5.4: quality
 * values, a tag or its primary subtag, `*` ignored), or undefined when it asks for neither.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0 && isLocale(entry.language))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.language as Locale | undefined;
}

/**
 * The language of a staff or admin screen: the user's own choice, else what the browser asks for
 * among Polish and English, else the shop's staff language. The sign-in page has no user yet and
 * follows the browser.
 */
export function staffLocale(input: { chosen?: Locale | null; acceptLanguage?: string | null; shop?: string | null }): Locale {
  return resolveLocale(input.chosen, fromAcceptLanguage(input.acceptLanguage), input.shop);
}
