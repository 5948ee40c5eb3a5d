import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { documentCounters, documents, orderEvents, orders, outbox, settings, statuses } from "@/db/schema";
import { applyAfterSalesPresets } from "@/db/seed";
import { createReturn } from "@/lib/returns";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { issueDocument, issueDocumentWithOutcome, loadDocumentAttachments, queueDocumentEmail } from "./index";
import { MAX_DOCUMENT_ITEMS } from "./issue";
import { documentYear } from "./numbering";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "3", label: "Stan Staff" };

async function setSeller(values: Partial<typeof settings.$inferInsert>) {
  await getSettings(db);
  await db.update(settings).set(values).where(eq(settings.id, true));
}

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await setSeller({ sellerName: "Sklep Demo sp. z o.o.", sellerTaxId: "5252248481", sellerAddress: "ul. Prosta 1, 00-001 Warszawa" });
  await applyAfterSalesPresets(db, "en");
});
afterAll(async () => handle?.close());

async function newOrder(overrides: Parameters<typeof createTestOrder>[2] = {}) {
  const wf = await createRetailWorkflow(db);
  return createTestOrder(db, wf.type.code, overrides);
}

function issued<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("issueDocument", () => {
  it("numbers each kind in its own yearly series and stores the PDF with its totals", async () => {
    const order = await newOrder({ total: 6499 });
    const first = issued(await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff }));
    const other = await newOrder();
    const second = issued(await issueDocument(db, { orderId: other.id, kind: "invoice", actor: staff }));
    const proforma = issued(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff }));
    const year = documentYear(new Date());
    expect(second.sequence).toBe(first.sequence + 1);
    expect(first.number).toBe(`FV/${year}/${String(first.sequence).padStart(4, "0")}`);
    expect(proforma.number).toMatch(new RegExp(`^PF/${year}/\\d{4}$`));
    expect(first.fileName).toBe(`${first.number.replaceAll("/", "-")}_${order.number}.pdf`);
    expect(Buffer.from(first.pdf!).subarray(0, 5).toString()).toBe("%PDF-");
    // Two mugs at 25.00 gross plus 14.99 of shipping, all at 23%.
    expect(first.totals).toMatchObject({ gross: 6499, net: 5284, vat: 1215, currency: "PLN", rates: [{ vatRate: 23, gross: 6499, net: 5284, vat: 1215 }] });
  });

  it("returns the order's invoice when asked again, and records one history event", async () => {
    const order = await newOrder();
    const a = issued(await issueDocumentWithOutcome(db, { orderId: order.id, kind: "invoice", actor: staff }));
    const b = issued(await issueDocumentWithOutcome(db, { orderId: order.id, kind: "invoice", actor: staff }));
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, document: { id: a.document.id } });
    const events = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, "comment")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ comment: `Invoice ${a.document.number} issued`, customerVisible: false, data: { document: { id: a.document.id, action: "issued" } } });
  });

  it("reissues a pro-forma only when the order's figures changed", async () => {
    const order = await newOrder();
    const a = issued(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff }));
    const same = issued(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff }));
    expect(same.id).toBe(a.id);
    await db.update(orders).set({ total: order.total + 1000 }).where(eq(orders.id, order.id));
    const changed = issued(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff }));
    expect(changed.id).not.toBe(a.id);
    expect(changed.totals).toMatchObject({ gross: order.total + 1000 });
  });

  it("refuses an invoice until the seller is filled in, and an unknown order", async () => {
    const order = await newOrder();
    await setSeller({ sellerTaxId: null });
    try {
      const refused = await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff });
      expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed", details: { missing: ["tax ID"] } } });
      // A pro-forma falls back to the shop's name and needs no tax ID.
      expect((await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff })).ok).toBe(true);
    } finally {
      await setSeller({ sellerTaxId: "5252248481" });
    }
    expect(await db.select().from(documents).where(and(eq(documents.orderId, order.id), eq(documents.kind, "invoice")))).toHaveLength(0);
    expect(await issueDocument(db, { orderId: 999_999, kind: "invoice", actor: staff })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await issueDocument(db, { orderId: -1, kind: "invoice", actor: staff })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const order = await newOrder();
    await expect(
      db.transaction(async (tx) => {
        issued(await issueDocument(tx, { orderId: order.id, kind: "invoice", actor: staff }));
        throw new Error("caller fails later");
      }),
    ).rejects.toThrow("caller fails later");
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.orderId, order.id))).toHaveLength(0);
  });

  it("gives concurrent issues distinct, gap-free numbers and one invoice per order", async () => {
    const ordersList = await Promise.all(Array.from({ length: 6 }, () => newOrder()));
    const results = await Promise.all(
      ordersList.flatMap((order) => [0, 1].map(() => issueDocumentWithOutcome(db, { orderId: order.id, kind: "invoice", actor: staff }))),
    );
    const outcomes = results.map(issued);
    const created = outcomes.filter((o) => o.created).map((o) => o.document);
    expect(created).toHaveLength(6);
    const sequences = created.map((d) => d.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
    for (const order of ordersList) {
      const stored = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.orderId, order.id), eq(documents.kind, "invoice")));
      expect(stored).toHaveLength(1);
    }
  });
});

/** As many items as the API allows, each named with as many characters as it allows. */
const LARGEST_ITEMS = Array.from({ length: MAX_DOCUMENT_ITEMS }, (_, i) => ({ sku: `BIG-${i}`, name: `${i} ${"x".repeat(290)}`.slice(0, 300), quantity: 1, unitPrice: 100, vatRate: 23 }));

async function counterOf(kind: "proforma" | "invoice" | "correction") {
  const [row] = await db.select().from(documentCounters).where(and(eq(documentCounters.kind, kind), eq(documentCounters.year, documentYear(new Date()))));
  return row?.lastSequence;
}

describe("issuing without holding anything while drawing", () => {
  it("takes the number from the series' counter, not from the documents already issued", async () => {
    const first = issued(await issueDocument(db, { orderId: (await newOrder()).id, kind: "proforma", actor: staff }));
    expect(await counterOf("proforma")).toBe(first.sequence);
    // A counter ahead of the documents (as after an import) is followed; max(sequence) + 1 is not.
    await db.update(documentCounters).set({ lastSequence: first.sequence + 40 }).where(and(eq(documentCounters.kind, "proforma"), eq(documentCounters.year, first.year)));
    const next = issued(await issueDocument(db, { orderId: (await newOrder()).id, kind: "proforma", actor: staff }));
    expect(next.sequence).toBe(first.sequence + 41);
    expect(await counterOf("proforma")).toBe(next.sequence);
  });

  it("commits the document before drawing it, so another order's document is issued while a large one is drawn", async () => {
    const large = await newOrder({ items: LARGEST_ITEMS, total: MAX_DOCUMENT_ITEMS * 100 });
    const small = await newOrder();
    const drawing = issueDocumentWithOutcome(db, { orderId: large.id, kind: "invoice", actor: staff });
    // Wait until the large document is committed (visible to this other query)...
    let committed: { sequence: number; pdf: Uint8Array | null } | undefined;
    while (!committed) {
      [committed] = await db.select({ sequence: documents.sequence, pdf: documents.pdf }).from(documents).where(eq(documents.orderId, large.id));
      if (!committed) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // ...then issue another order's invoice: it gets the next number and its PDF while the large
    // one is still being drawn.
    expect(committed.pdf).toBeNull();
    const other = issued(await issueDocument(db, { orderId: small.id, kind: "invoice", actor: staff }));
    expect(other.sequence).toBe(committed.sequence + 1);
    expect(other.pdf).not.toBeNull();
    const [stillDrawing] = await db.select({ pdf: documents.pdf }).from(documents).where(eq(documents.orderId, large.id));
    expect(stillDrawing?.pdf).toBeNull();

    const done = issued(await drawing);
    expect(Buffer.from(done.document.pdf!).subarray(0, 5).toString()).toBe("%PDF-");
    const [stored] = await db.select({ pdf: documents.pdf }).from(documents).where(eq(documents.id, done.document.id));
    expect(Buffer.from(stored!.pdf!).equals(Buffer.from(done.document.pdf!))).toBe(true);
  });

  it("draws a PDF that was never stored again from the document's content, byte for byte", async () => {
    const order = await newOrder({ locale: "en" });
    const document = issued(await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff }));
    expect(document.content).toMatchObject({ number: document.number, orderNumber: order.number });
    // As if the process died between the commit and storing the drawing.
    await db.update(documents).set({ pdf: null }).where(eq(documents.id, document.id));
    const [attachment] = await loadDocumentAttachments(db, [{ documentId: document.id }]);
    expect(Buffer.from(attachment!.content).equals(Buffer.from(document.pdf!))).toBe(true);
    const [stored] = await db.select({ pdf: documents.pdf }).from(documents).where(eq(documents.id, document.id));
    expect(Buffer.from(stored!.pdf!).equals(Buffer.from(document.pdf!))).toBe(true);
  });

  it("refuses a document for a stored order over the item limit, taking no number", async () => {
    const order = await newOrder();
    const before = await counterOf("proforma");
    const items = [...LARGEST_ITEMS, LARGEST_ITEMS[0]!];
    await db.update(orders).set({ items, total: items.length * 100 }).where(eq(orders.id, order.id));
    const refused = await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff });
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed", details: { reason: "too_many_items", items: MAX_DOCUMENT_ITEMS + 1, max: MAX_DOCUMENT_ITEMS } } });
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.orderId, order.id))).toHaveLength(0);
    expect(await counterOf("proforma")).toBe(before);
  });
});

/** A completed sale of two mugs (50.00 and 14.99 of delivery) and a return of one of them. */
async function saleWithReturn(kind: "return" | "complaint" = "return") {
  const wf = await createRetailWorkflow(db);
  const sale = await newOrder();
  await db.update(orders).set({ statusId: wf.status.completed.id }).where(eq(orders.id, sale.id));
  const made = await createReturn(db, {
    parent: { id: sale.id },
    kind,
    items: [{ sku: "MUG-1", quantity: 1 }],
    reason: kind === "return" ? "changed_mind" : null,
    description: kind === "complaint" ? "Cracked handle" : null,
    actor: staff,
  });
  return { sale, afterSales: issued(made) };
}

describe("correction invoices", () => {
  it("corrects the sale's invoice for the returned items, numbered in a series of its own", async () => {
    const { sale, afterSales } = await saleWithReturn();
    const invoice = issued(await issueDocument(db, { orderId: sale.id, kind: "invoice", actor: staff }));
    const before = await counterOf("correction");
    const first = issued(await issueDocumentWithOutcome(db, { orderId: afterSales.id, kind: "correction", actor: staff }));
    const { document } = first;
    const year = documentYear(new Date());
    expect(first.created).toBe(true);
    expect(document.number).toBe(`KOR/${year}/${String(document.sequence).padStart(4, "0")}`);
    expect(document.sequence).toBe((before ?? 0) + 1);
    expect(document).toMatchObject({ orderId: afterSales.id, correctsDocumentId: invoice.id, fileName: `${document.number.replaceAll("/", "-")}_${afterSales.number}.pdf` });
    // One mug back at 25.00 gross, 23%: net -20.33, VAT -4.67; delivery stays on the invoice.
    expect(document.totals).toMatchObject({ gross: -2500, net: -2033, vat: -467, rates: [{ vatRate: 23, gross: -2500 }] });
    expect(document.content).toMatchObject({ orderNumber: sale.number, corrects: { number: invoice.number, reason: "return", afterSalesNumber: afterSales.number }, amountDue: -2500 });
    expect(Buffer.from(document.pdf!).subarray(0, 5).toString()).toBe("%PDF-");

    // One correction per return: asking again answers with it, and the history says it once.
    const again = issued(await issueDocumentWithOutcome(db, { orderId: afterSales.id, kind: "correction", actor: staff }));
    expect(again).toMatchObject({ created: false, document: { id: document.id } });
    const entries = await db.select({ data: orderEvents.data }).from(orderEvents).where(and(eq(orderEvents.orderId, afterSales.id), eq(orderEvents.type, "comment")));
    expect(entries.map((e) => e.data)).toEqual([{ document: { id: document.id, kind: "correction", number: document.number, action: "issued" } }]);
  });

  it("says a complaint's correction is for an accepted complaint", async () => {
    const { sale, afterSales } = await saleWithReturn("complaint");
    issued(await issueDocument(db, { orderId: sale.id, kind: "invoice", actor: staff }));
    const document = issued(await issueDocument(db, { orderId: afterSales.id, kind: "correction", actor: staff }));
    expect(document.content).toMatchObject({ corrects: { reason: "complaint" } });
  });

  it("refuses a correction without the sale's invoice, of a rejected return, or of a sale, taking no number", async () => {
    const { sale, afterSales } = await saleWithReturn();
    const before = await counterOf("correction");
    expect(await issueDocument(db, { orderId: afterSales.id, kind: "correction", actor: staff })).toMatchObject({ ok: false, error: { code: "validation_failed", details: { reason: "no_invoice" } } });
    // A sale's pro-forma is no invoice.
    issued(await issueDocument(db, { orderId: sale.id, kind: "proforma", actor: staff }));
    expect(await issueDocument(db, { orderId: afterSales.id, kind: "correction", actor: staff })).toMatchObject({ ok: false, error: { details: { reason: "no_invoice" } } });
    expect(await issueDocument(db, { orderId: sale.id, kind: "correction", actor: staff })).toMatchObject({ ok: false, error: { details: { reason: "not_a_return" } } });
    // A return takes no invoice or pro-forma of its own.
    for (const kind of ["invoice", "proforma"] as const) {
      expect(await issueDocument(db, { orderId: afterSales.id, kind, actor: staff })).toMatchObject({ ok: false, error: { details: { reason: "not_a_sale" } } });
    }
    issued(await issueDocument(db, { orderId: sale.id, kind: "invoice", actor: staff }));
    const [rejected] = await db.select({ id: statuses.id }).from(statuses).where(eq(statuses.code, "return_rejected"));
    await db.update(orders).set({ statusId: rejected!.id }).where(eq(orders.id, afterSales.id));
    expect(await issueDocument(db, { orderId: afterSales.id, kind: "correction", actor: staff })).toMatchObject({ ok: false, error: { details: { reason: "rejected" } } });
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.orderId, afterSales.id))).toHaveLength(0);
    expect(await counterOf("correction")).toBe(before);
  });

  it("keeps a correction tied to an invoice and nothing else tied to one, in the database itself", async () => {
    const { sale } = await saleWithReturn();
    const invoice = issued(await issueDocument(db, { orderId: sale.id, kind: "invoice", actor: staff }));
    const row = { orderId: sale.id, year: 2026, fileName: "x.pdf", content: {}, totals: {}, createdBy: "test" };
    await expect(db.insert(documents).values({ ...row, kind: "correction", sequence: 900_001, number: "KOR/x" })).rejects.toThrow();
    await expect(db.insert(documents).values({ ...row, kind: "invoice", sequence: 900_002, number: "FV/x", correctsDocumentId: invoice.id })).rejects.toThrow();
  });
});

describe("queueDocumentEmail", () => {
  it("queues an email to the customer that names the document to attach", async () => {
    const order = await newOrder({ locale: "en" });
    const document = issued(await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff }));
    const { outboxId } = issued(await queueDocumentEmail(db, { orderId: order.id, documentId: document.id, actor: staff }));
    const [row] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
    expect(row).toMatchObject({
      kind: "email",
      state: "pending",
      recipient: "anna@example.com",
      payload: { locale: "en", attachments: [{ documentId: document.id }], template: { document: { kind: "invoice", number: document.number } } },
    });
    const again = issued(await queueDocumentEmail(db, { orderId: order.id, documentId: document.id, actor: staff }));
    expect(again.outboxId).not.toBe(outboxId);
  });

  it("refuses a document of another order and a customer without email", async () => {
    const order = await newOrder();
    const document = issued(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff }));
    const other = await newOrder({ customer: { name: "Jan Bez Maila" } });
    expect(await queueDocumentEmail(db, { orderId: other.id, documentId: document.id, actor: staff })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const own = issued(await issueDocument(db, { orderId: other.id, kind: "proforma", actor: staff }));
    expect(await queueDocumentEmail(db, { orderId: other.id, documentId: own.id, actor: staff })).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });
});
