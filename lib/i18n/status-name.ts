import type { StatusTranslations } from "@/db/schema/workflow";

/**
 * A status's name for staff reading in `locale`: the admin's translation for that language when
 * there is one (`statuses.translations`, e.g. `{ pl: { name: "Nowe" } }`), else the stored name.
 */
export function statusNameIn(status: { name: string; translations?: StatusTranslations | null }, locale: string): string {
  const translated = status.translations?.[locale]?.name?.trim();
  return translated || status.name;
}
