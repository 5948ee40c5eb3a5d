import { createTranslator } from "next-intl";
import { messages } from "./messages";

import { intlTag, type Locale } from "./locales";

export { fromAcceptLanguage, isLocale, LOCALES, resolveLocale, staffLocale, type Locale } from "./locales";

/** A translator for customer pages; the same messages serve server and client components. */
export function customerTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "track" });
}

/** The parcel events' words (`parcels`), for the customer's page in the customer's language. */
export function parcelTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "parcels" });
}


export function formatMoneyIn(locale: Locale, minor: number, currency: string): string {
  return new Intl.NumberFormat(intlTag(locale), { style: "currency", currency }).format(minor / 100);
}

export function formatDateIn(locale: Locale, date: Date, withTime = true): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Warsaw",
  }).format(date);
}
