import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/auth/action";
import type { Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

/** The catalogue's translator in `locale`, as next-intl gives it to a server action in a request. */
export function translateIn(locale: Locale): () => Promise<Translate> {
  return async () => createTranslator({ locale, messages: messages[locale] }) as unknown as Translate;
}
