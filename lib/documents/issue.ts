import { and, desc, eq, is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Tx, DbOrTx } from "@/db";
import { documents, orderEvents, type Document, type DocumentKind, type Order, type Settings } from "@/db/schema";
import { actorSchema } from "@/lib/orders/actor";
import { ORDER_LIMITS } from "@/lib/orders/limits";
import { lockOrderForChange } from "@/lib/orders/lock-order";
import { orderKindsOf } from "@/lib/orders/order-kinds";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { correctionBasis } from "./correction-basis";
import { buildCorrectionContent, buildDocumentContent, storedDocumentContent, type DocumentContent } from "./content";
import { DOCUMENT_LABELS, documentFileName, formatDocumentNumber } from "./labels";
import { documentYear, nextDocumentSequence } from "./numbering";
import { documentPdf } from "./stored-pdf";
import { inTransaction } from "@/db/transaction";

export const issueDocumentInputSchema = z.object({
  orderId: z.number().int().positive(),
  kind: z.enum(["proforma", "invoice", "correction"]),
  actor: actorSchema,
});

export type IssueDocumentInput = z.input<typeof issueDocumentInputSchema>;
export type IssueOutcome = { document: Document; created: boolean };

/**
 * The most items one document lists: as many as an order may take in now. Orders stored before
 * that limit may hold more, and a document of 20,000 lines is no use to anyone.
 */
export const MAX_DOCUMENT_ITEMS = ORDER_LIMITS.itemsPerOrder;

/** The kind's name in the history's stored comment (English, like every stored comment; screens word the entry from its data). */
export const KIND_NAMES: Record<DocumentKind, string> = DOCUMENT_LABELS.en.kind;

/** What a document was computed from; a pro-forma is reissued only when this changed. */
function fingerprintOf(order: Order): string {
  return JSON.stringify({ items: order.items, total: order.total, currency: order.currency, locale: order.locale });
}

/** Why a document cannot be issued for an order (`details.reason` of the refusal). */
export type DocumentRefusalReason = "not_a_sale" | "not_a_return" | "rejected" | "no_invoice";

/**
 * Re-issue rules: an order has one invoice, ever, and a return or complaint one correction, so
 * asking again returns it. A pro-forma is an offer, so a new one is issued only when the
 * order's items, total, currency or language changed since the latest one; otherwise that one
 * is returned.
 */
async function reusableDocument(tx: Tx, order: Order, kind: DocumentKind): Promise<Document | undefined> {
  const [latest] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orderId, order.id), eq(documents.kind, kind)))
    .orderBy(desc(documents.id))
    .limit(1);
  if (!latest) return undefined;
  if (kind !== "proforma") return latest;
  return latest.totals.fingerprint === fingerprintOf(order) ? latest : undefined;
}

/** An invoice (and its correction) must name the seller fully; a pro-forma may fall back to the shop's name. */
function missingSellerFields(settings: Settings, kind: DocumentKind): string[] {
  if (kind === "proforma") return [];
  const missing: string[] = [];
  if (!settings.sellerName) missing.push("seller name");
  if (!settings.sellerTaxId) missing.push("tax ID");
  if (!settings.sellerAddress) missing.push("seller address");
  return missing;
}

/**
 * Issues the document in a short transaction (lock the order, reuse or validate, take the number,
 * store the content and the history event), then draws its PDF after the commit, outside every
 * lock: a long document never holds the order, the number series or a database session while it
 * is drawn. Inside a caller's transaction (an automation) nothing is drawn: the caller's locks
 * last until it commits, so the PDF is drawn on its first download or attachment instead.
 */
export async function issueDocumentWithOutcome(db: DbOrTx, raw: IssueDocumentInput): Promise<Result<IssueOutcome>> {
  const parsed = issueDocumentInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const issued = await inTransaction(db, (tx) => issueInTransaction(tx, parsed.data));
  if (!issued.ok || issued.value.document.pdf || is(db, PgTransaction)) return issued;
  try {
    const pdf = await documentPdf(db, issued.value.document);
    return ok({ ...issued.value, document: { ...issued.value.document, pdf } });
  } catch (error) {
    // The document stands (numbered, committed); its PDF is drawn again when first asked for.
    console.error(`document ${issued.value.document.number} was issued but not drawn`, error);
    return issued;
  }
}

async function issueInTransaction(tx: Tx, { orderId, kind, actor }: z.output<typeof issueDocumentInputSchema>): Promise<Result<IssueOutcome>> {
  // The order's row lock makes two requests for the same order's invoice take turns, so the
  // second sees the first's document instead of issuing another.
  const locked = await lockOrderForChange(tx, { id: orderId });
  if (!locked.ok) return locked;
  const order = locked.value;
  const kinds = await orderKindsOf(tx, order);
  // A sale is invoiced; a return or complaint only corrects its sale's invoice.
  if ((kind === "correction") !== (kinds.orderKind !== "sale")) {
    return refusal(order, kind === "correction" ? "not_a_return" : "not_a_sale");
  }
  const existing = await reusableDocument(tx, order, kind);
  if (existing) return ok({ document: existing, created: false });
  if (order.items.length === 0) {
    return refuse("validation_failed", `Order ${order.number} has no items to put on a document.`);
  }
  if (order.items.length > MAX_DOCUMENT_ITEMS) {
    return refuse(
      "validation_failed",
      `Order ${order.number} has ${order.items.length} items; a document lists at most ${MAX_DOCUMENT_ITEMS}. Split the order to issue its documents.`,
      { details: { reason: "too_many_items", items: order.items.length, max: MAX_DOCUMENT_ITEMS } },
    );
  }
  const settings = await getSettings(tx);
  const missing = missingSellerFields(settings, kind);
  if (missing.length) {
    return refuse("validation_failed", `Fill in the ${missing.join(", ")} in Settings before issuing invoices.`, {
      details: { missing },
    });
  }

  // A correction's checks come before its number is taken: a refusal leaves no gap in the series.
  const basis = kind === "correction" ? await correctionBasis(tx, order, kinds.statusKind) : undefined;
  if (basis && !basis.ok) return refusal(order, basis.reason);
  const corrected = basis?.ok ? basis : undefined;

  const issuedAt = new Date();
  const year = documentYear(issuedAt);
  const sequence = await nextDocumentSequence(tx, kind, year);
  const number = formatDocumentNumber(kind, year, sequence);
  const content: DocumentContent =
    corrected
      ? buildCorrectionContent({
          number,
          issuedAt,
          afterSales: order,
          kind: kinds.orderKind === "complaint" ? "complaint" : "return",
          sale: corrected.sale,
          invoice: corrected.invoice,
          settings,
        })
      : buildDocumentContent({ kind, number, issuedAt, order, settings });
  const { lines: _lines, ...figures } = content.totals;
  const [document] = await tx
    .insert(documents)
    .values({
      orderId: order.id,
      kind,
      year,
      sequence,
      number,
      fileName: documentFileName(number, order.number),
      content: storedDocumentContent(content),
      totals: { ...figures, currency: content.currency, inWords: content.grossInWords, fingerprint: fingerprintOf(order) },
      correctsDocumentId: corrected?.invoice.id ?? null,
      createdBy: actor.label,
      createdAt: issuedAt,
    })
    .returning();
  if (!document) throw new Error("document was not written");
  // History has no document event type: a staff-only comment with the facts in `data` shows in
  // the timeline, reaches no customer and needs no migration.
  await tx.insert(orderEvents).values({
    orderId: order.id,
    type: "comment",
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    comment: `${KIND_NAMES[kind]} ${number} issued`,
    customerVisible: false,
    data: { document: { id: document.id, kind, number, action: "issued" } },
    createdAt: issuedAt,
  });
  return ok({ document, created: true });
}

function refusal(order: Order, reason: DocumentRefusalReason) {
  const why: Record<DocumentRefusalReason, string> = {
    not_a_sale: "is a return or complaint: it takes only a correction of its sale's invoice",
    not_a_return: "is a sale: only a return or complaint takes a correction invoice",
    rejected: "was rejected or cancelled: nothing is corrected",
    no_invoice: "belongs to a sale that has no invoice to correct",
  };
  return refuse("validation_failed", `Order ${order.number} ${why[reason]}.`, { details: { reason } });
}
