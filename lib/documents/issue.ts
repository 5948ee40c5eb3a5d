import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { documents, orderEvents, type Document, type DocumentKind, type Order, type Settings } from "@/db/schema";
import { actorSchema } from "@/lib/orders/actor";
import { lockOrderForChange } from "@/lib/orders/lock-order";
import { ok, refuse, validationFailed, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { buildDocumentContent } from "./content";
import { documentFileName, formatDocumentNumber } from "./labels";
import { documentYear, nextDocumentSequence } from "./numbering";
import { renderDocumentPdf } from "./render-pdf";

export const issueDocumentInputSchema = z.object({
  orderId: z.number().int().positive(),
  kind: z.enum(["proforma", "invoice"]),
  actor: actorSchema,
});

export type IssueDocumentInput = z.input<typeof issueDocumentInputSchema>;
export type IssueOutcome = { document: Document; created: boolean };

export const KIND_NAMES: Record<DocumentKind, string> = { invoice: "Invoice", proforma: "Pro-forma" };

/** What a document was computed from; a pro-forma is reissued only when this changed. */
function fingerprintOf(order: Order): string {
  return JSON.stringify({ items: order.items, total: order.total, currency: order.currency, locale: order.locale });
}

/**
 * Re-issue rules: an order has one invoice, ever (a correction would be its own document kind),
 * so asking again returns it. A pro-forma is an offer, so a new one is issued only when the
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
  if (kind === "invoice") return latest;
  return latest.totals.fingerprint === fingerprintOf(order) ? latest : undefined;
}

/** An invoice must name the seller fully; a pro-forma may fall back to the shop's name. */
function missingSellerFields(settings: Settings, kind: DocumentKind): string[] {
  if (kind !== "invoice") return [];
  const missing: string[] = [];
  if (!settings.sellerName) missing.push("seller name");
  if (!settings.sellerTaxId) missing.push("tax ID");
  if (!settings.sellerAddress) missing.push("seller address");
  return missing;
}

export async function issueDocumentWithOutcome(db: Db, raw: IssueDocumentInput): Promise<Result<IssueOutcome>> {
  const parsed = issueDocumentInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const { orderId, kind, actor } = parsed.data;

  return db.transaction(async (tx): Promise<Result<IssueOutcome>> => {
    // The order's row lock makes two requests for the same order's invoice take turns, so the
    // second sees the first's document instead of issuing another.
    const locked = await lockOrderForChange(tx, orderId);
    if (!locked.ok) return locked;
    const order = locked.value;
    const existing = await reusableDocument(tx, order, kind);
    if (existing) return ok({ document: existing, created: false });
    if (order.items.length === 0) {
      return refuse("validation_failed", `Order ${order.number} has no items to put on a document.`);
    }
    const settings = await getSettings(tx);
    const missing = missingSellerFields(settings, kind);
    if (missing.length) {
      return refuse("validation_failed", `Fill in the ${missing.join(", ")} in Settings before issuing invoices.`, {
        details: { missing },
      });
    }

    const issuedAt = new Date();
    const year = documentYear(issuedAt);
    const sequence = await nextDocumentSequence(tx, kind, year);
    const number = formatDocumentNumber(kind, year, sequence);
    const content = buildDocumentContent({ kind, number, issuedAt, order, settings });
    const pdf = await renderDocumentPdf(content);
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
        // postgres.js sends a Buffer as bytea; PGlite takes either.
        pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        totals: { ...figures, currency: order.currency, inWords: content.grossInWords, fingerprint: fingerprintOf(order) },
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
  });
}
