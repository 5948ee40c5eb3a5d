import { createTranslator } from "next-intl";
import { messages } from "./messages";

export const LOCALES = ["pl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported locale among the candidates (e.g. ?lang=, the order's, the shop's). */
export function resolveLocale(...candidates: unknown[]): Locale {
  return candidates.find(isLocale) ?? "pl";
}

/** A translator for customer pages; the same messages serve server and client components. */
export function customerTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "track" });
}

const INTL: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

export function formatMoneyIn(locale: Locale, minor: number, currency: string): string {
  return new Intl.NumberFormat(INTL[locale], { style: "currency", currency }).format(minor / 100);
}

export function formatDateIn(locale: Locale, date: Date, withTime = true): string {
  return new Intl.DateTimeFormat(INTL[locale], {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Warsaw",
  }).format(date);
}
