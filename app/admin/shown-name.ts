import "server-only";
import { getLocale } from "next-intl/server";
import type { NameTranslations } from "@/db/schema/workflow";
import { nameIn } from "@/lib/i18n/name-in";
import { ok, type Result } from "@/lib/result";

/**
 * A saved group or order type with the name the admin's screen now shows it by (its translation
 * for the screen's language, else the name), so the confirmation names it as the screen does.
 */
export async function withShownName<T extends { name: string; translations: NameTranslations }>(saved: Result<T>): Promise<Result<T & { shownName: string }>> {
  if (!saved.ok) return saved;
  return ok({ ...saved.value, shownName: nameIn(saved.value, await getLocale()) });
}
