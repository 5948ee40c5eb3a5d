import type { NameTranslations, StatusTranslations } from "@/db/schema/workflow";

/**
 * A status's or a status group's name for staff reading in `locale`: the admin's translation for
 * that language when there is one (`translations`, e.g. `{ pl: { name: "Nowe" } }`), else the
 * stored name.
 */
export function nameIn(named: { name: string; translations?: StatusTranslations | NameTranslations | null }, locale: string): string {
  const translated = named.translations?.[locale]?.name?.trim();
  return translated || named.name;
}
