import type { DocumentKind } from "@/db/schema";

export type DocumentLocale = "pl" | "en";

/** Every fixed text printed on a document, in the two languages orders come in. */
export const DOCUMENT_LABELS = {
  pl: {
    title: { invoice: "Faktura VAT", proforma: "Faktura pro forma" } satisfies Record<DocumentKind, string>,
    issueDate: "Data wystawienia",
    saleDate: "Data sprzedaży",
    order: "Zamówienie",
    seller: "Sprzedawca",
    buyer: "Nabywca",
    taxId: "NIP",
    email: "E-mail",
    columns: { no: "Lp.", name: "Nazwa", quantity: "Ilość", unitGross: "Cena brutto", rate: "VAT", net: "Netto", vat: "Kwota VAT", gross: "Brutto" },
    summary: "Podsumowanie według stawek VAT",
    rate: "Stawka",
    total: "Razem",
    toPay: "Do zapłaty",
    paid: "Zapłacono",
    inWords: "Słownie",
    paymentMethod: "Sposób płatności",
    bankAccount: "Numer konta",
    shipping: "Dostawa",
    discount: "Rabat",
    proformaNote: "Dokument pro forma nie jest fakturą VAT i nie stanowi podstawy do odliczenia podatku.",
    page: "Strona",
  },
  en: {
    title: { invoice: "VAT invoice", proforma: "Pro-forma invoice" } satisfies Record<DocumentKind, string>,
    issueDate: "Issue date",
    saleDate: "Date of sale",
    order: "Order",
    seller: "Seller",
    buyer: "Buyer",
    taxId: "Tax ID",
    email: "Email",
    columns: { no: "No.", name: "Item", quantity: "Qty", unitGross: "Unit gross", rate: "VAT", net: "Net", vat: "VAT amount", gross: "Gross" },
    summary: "Summary by VAT rate",
    rate: "Rate",
    total: "Total",
    toPay: "Amount due",
    paid: "Paid",
    inWords: "In words",
    paymentMethod: "Payment method",
    bankAccount: "Bank account",
    shipping: "Shipping",
    discount: "Discount",
    proformaNote: "A pro-forma invoice is not a VAT invoice and gives no right to deduct tax.",
    page: "Page",
  },
} as const;

export type DocumentLabels = (typeof DOCUMENT_LABELS)[DocumentLocale];

export function documentLocaleOf(locale: string): DocumentLocale {
  return locale === "en" ? "en" : "pl";
}

/** Money as printed on documents: the locale's format with plain spaces, so every PDF reader copies it alike. */
export function formatDocumentMoney(minor: number, currency: string, locale: DocumentLocale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "pl-PL", { style: "currency", currency })
    .format(minor / 100)
    .replace(/[\u00a0\u202f]/g, " ");
}

export function formatDocumentDate(date: Date, locale: DocumentLocale): string {
  const style: Intl.DateTimeFormatOptions = locale === "en" ? { dateStyle: "medium" } : { day: "2-digit", month: "2-digit", year: "numeric" };
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "pl-PL", { ...style, timeZone: "Europe/Warsaw" }).format(date);
}

/** The number a document is known by: `FV/2026/0001` for invoices, `PF/2026/0001` for pro-formas. */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${kind === "invoice" ? "FV" : "PF"}/${year}/${String(sequence).padStart(4, "0")}`;
}

/** A file name safe everywhere: `FV-2026-0001_ORD-10001.pdf`. */
export function documentFileName(number: string, orderNumber: string): string {
  return `${number.replaceAll("/", "-")}_${orderNumber}.pdf`;
}
