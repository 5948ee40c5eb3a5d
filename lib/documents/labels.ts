import { intlTag, resolveLocale } from "@/lib/i18n/locales";
import type { DocumentKind } from "@/db/schema";
import { documents } from "@/lib/i18n/catalogue/documents";

export type DocumentLocale = "pl" | "en";

/**
 * Every fixed text printed on a document, in the two languages orders come in: the catalogue's
 * `documents` namespace (lib/i18n/catalogue/documents.ts). A document is printed in its order's
 * language, whoever issues it.
 */
export const DOCUMENT_LABELS = { pl: documents.pl, en: documents.en } satisfies Record<DocumentLocale, { title: Record<DocumentKind, string> }>;

export type DocumentLabels = (typeof DOCUMENT_LABELS)[DocumentLocale];

export function documentLocaleOf(locale: string): DocumentLocale {
  return locale === "en" ? "en" : "pl";
}

/** Money as printed on documents: the locale's format with plain spaces, so every PDF reader copies it alike. */
/** Formatters by locale and currency: building one costs more than formatting a document's figures. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatDocumentMoney(minor: number, currency: string, locale: DocumentLocale): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(intlTag(resolveLocale(locale)), { style: "currency", currency })));
  return format
    .format(minor / 100)
    .replace(/[\u00a0\u202f]/g, " ");
}

export function formatDocumentDate(date: Date, locale: DocumentLocale): string {
  const style: Intl.DateTimeFormatOptions = locale === "en" ? { dateStyle: "medium" } : { day: "2-digit", month: "2-digit", year: "numeric" };
  return new Intl.DateTimeFormat(intlTag(resolveLocale(locale)), { ...style, timeZone: "Europe/Warsaw" }).format(date);
}

const SERIES: Record<DocumentKind, string> = { invoice: "FV", proforma: "PF", correction: "KOR" };

/** The number a document is known by: `FV/2026/0001` (invoice), `PF/2026/0001` (pro-forma), `KOR/2026/0001` (correction). */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${SERIES[kind]}/${year}/${String(sequence).padStart(4, "0")}`;
}

/** A file name safe everywhere: `FV-2026-0001_ORD-10001.pdf`. */
export function documentFileName(number: string, orderNumber: string): string {
  return `${number.replaceAll("/", "-")}_${orderNumber}.pdf`;
}
