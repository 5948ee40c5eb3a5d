/** A select's option: the code it sends, and the name people read. */
export type NamedOption = { value: string; label: string };

/**
 * Codes (channels, couriers, payment methods) as select options, each under the name people read
 * and in their language's alphabetical order: sorted by code, "Telefon" would come before
 * "Sklep internetowy" because "phone" comes before "shop".
 */
export function namedOptions(codes: readonly string[], nameOf: (code: string) => string, locale: string): NamedOption[] {
  const collator = new Intl.Collator(locale);
  return codes.map((value) => ({ value, label: nameOf(value) })).sort((a, b) => collator.compare(a.label, b.label));
}
