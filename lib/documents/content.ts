import type { DocumentKind, Order, Settings } from "@/db/schema";
import { computeCorrectionTotals } from "./correction-totals";
import { DOCUMENT_LABELS, documentLocaleOf, type DocumentLocale } from "./labels";
import { computeDocumentTotals, type DocumentTotals } from "./totals";
import { amountInWords } from "./words";

export type Party = { name: string; lines: string[]; taxId: string | null; email: string | null };

/** Everything a document prints, decided before any drawing: the PDF only lays it out. */
export type DocumentContent = {
  kind: DocumentKind;
  number: string;
  locale: DocumentLocale;
  issuedAt: Date;
  orderNumber: string;
  orderDate: Date;
  currency: string;
  seller: Party;
  buyer: Party;
  totals: DocumentTotals;
  grossInWords: string;
  paid: number;
  amountDue: number;
  paymentMethod: string;
  bankAccount: string | null;
  /** A correction's invoice (number, ISO issue date) and why it is corrected. */
  corrects?: CorrectedInvoice;
};

/** What a correction prints about the invoice it corrects. */
export type CorrectedInvoice = { number: string; issuedAt: string; reason: "return" | "complaint"; afterSalesNumber: string };

function addressLines(text: string | null): string[] {
  return (text ?? "")
    .split(/\r?\n|,\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function sellerOf(settings: Settings): Party {
  return {
    name: settings.sellerName ?? settings.shopName,
    lines: addressLines(settings.sellerAddress),
    taxId: settings.sellerTaxId,
    email: settings.supportEmail,
  };
}

function buyerOf(order: Order): Party {
  const address = order.shippingAddress;
  return {
    name: order.customerName,
    lines: address
      ? [address.name !== order.customerName ? address.name : "", address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean)
      : [],
    taxId: null,
    email: order.customerEmail,
  };
}

/** The order's figures and parties, in the order's language. */
export function buildDocumentContent(input: {
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  order: Order;
  settings: Settings;
}): DocumentContent {
  const { order, settings } = input;
  const locale = documentLocaleOf(order.locale);
  const labels = DOCUMENT_LABELS[locale];
  const totals = computeDocumentTotals(order.items, order.total, { shipping: labels.shipping, discount: labels.discount });
  const paid = Math.min(order.paidAmount, totals.gross);
  return {
    kind: input.kind,
    number: input.number,
    locale,
    issuedAt: input.issuedAt,
    orderNumber: order.number,
    orderDate: order.createdAt,
    currency: order.currency,
    seller: sellerOf(settings),
    buyer: buyerOf(order),
    totals,
    grossInWords: amountInWords(totals.gross, order.currency, locale),
    paid,
    amountDue: totals.gross - paid,
    paymentMethod: order.paymentMethod,
    bankAccount: order.paymentMethod === "transfer" && totals.gross > paid ? settings.bankAccount : null,
  };
}

/**
 * A correction invoice for a return's items (ADR 0164): the parties and prices as the sale's
 * invoice printed them (when it kept its content; an invoice issued before content was kept is
 * read from the sale as it stands), in the sale's language, with the amount to give back.
 */
export function buildCorrectionContent(input: {
  number: string;
  issuedAt: Date;
  afterSales: Order;
  kind: CorrectedInvoice["reason"];
  sale: Order;
  invoice: { number: string; createdAt: Date; content: Record<string, unknown> | null };
  settings: Settings;
}): DocumentContent {
  const { sale, afterSales, settings } = input;
  const locale = documentLocaleOf(sale.locale);
  const labels = DOCUMENT_LABELS[locale];
  const invoiced = input.invoice.content ? documentContentFromStored(input.invoice.content) : undefined;
  const invoiceLines = invoiced?.totals.lines ?? computeDocumentTotals(sale.items, sale.total, { shipping: labels.shipping, discount: labels.discount }).lines;
  const totals = computeCorrectionTotals(afterSales.items, invoiceLines, { discount: labels.discount });
  return {
    kind: "correction",
    number: input.number,
    locale,
    issuedAt: input.issuedAt,
    orderNumber: sale.number,
    orderDate: sale.createdAt,
    currency: sale.currency,
    seller: invoiced?.seller ?? sellerOf(settings),
    buyer: invoiced?.buyer ?? buyerOf(sale),
    totals,
    grossInWords: amountInWords(-totals.gross, sale.currency, locale),
    paid: 0,
    amountDue: totals.gross,
    paymentMethod: sale.paymentMethod,
    bankAccount: null,
    corrects: { number: input.invoice.number, issuedAt: (invoiced?.issuedAt ?? input.invoice.createdAt).toISOString(), reason: input.kind, afterSalesNumber: afterSales.number },
  };
}

/** `DocumentContent` as the `documents.content` column keeps it: JSON, so dates as ISO strings. */
export function storedDocumentContent(content: DocumentContent): Record<string, unknown> {
  return { ...content, issuedAt: content.issuedAt.toISOString(), orderDate: content.orderDate.toISOString() };
}

/** The content a document was issued with, as stored by `storedDocumentContent`. */
export function documentContentFromStored(stored: Record<string, unknown>): DocumentContent {
  const content = stored as unknown as Omit<DocumentContent, "issuedAt" | "orderDate"> & { issuedAt: string; orderDate: string };
  return { ...content, issuedAt: new Date(content.issuedAt), orderDate: new Date(content.orderDate) };
}
