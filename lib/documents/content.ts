import type { DocumentKind, Order, Settings } from "@/db/schema";
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
};

function addressLines(text: string | null): string[] {
  return (text ?? "")
    .split(/\r?\n|,\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
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
  const address = order.shippingAddress;
  const paid = Math.min(order.paidAmount, totals.gross);
  return {
    kind: input.kind,
    number: input.number,
    locale,
    issuedAt: input.issuedAt,
    orderNumber: order.number,
    orderDate: order.createdAt,
    currency: order.currency,
    seller: {
      name: settings.sellerName ?? settings.shopName,
      lines: addressLines(settings.sellerAddress),
      taxId: settings.sellerTaxId,
      email: settings.supportEmail,
    },
    buyer: {
      name: order.customerName,
      lines: address
        ? [address.name !== order.customerName ? address.name : "", address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean)
        : [],
      taxId: null,
      email: order.customerEmail,
    },
    totals,
    grossInWords: amountInWords(totals.gross, order.currency, locale),
    paid,
    amountDue: totals.gross - paid,
    paymentMethod: order.paymentMethod,
    bankAccount: order.paymentMethod === "transfer" && totals.gross > paid ? settings.bankAccount : null,
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
