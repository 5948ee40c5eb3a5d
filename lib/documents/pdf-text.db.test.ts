import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders, settings } from "@/db/schema";
import { applyAfterSalesPresets } from "@/db/seed";
import { createReturn } from "@/lib/returns";
import { getSettings } from "@/lib/settings";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { issueDocument } from "./index";
import { formatDocumentMoney } from "./labels";

let handle: DbHandle;
let db: Db;
const staff = { type: "user" as const, id: "3", label: "Stan Staff" };

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await getSettings(db);
  await db
    .update(settings)
    .set({ sellerName: "Żółta Łódź sp. z o.o.", sellerTaxId: "5252248481", sellerAddress: "ul. Źródlana 7\n90-001 Łódź", bankAccount: "PL61 1090 1014 0000 0712 1981 2874" })
    .where(eq(settings.id, true));
  await applyAfterSalesPresets(db, "pl");
});
afterAll(async () => handle?.close());

/** The PDF's text as a reader would copy it, whitespace collapsed. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

// Figures worked out by hand, independently of the code under test:
// 23%: 2 × 49.99 + 15.00 shipping = 114.98 gross → net 93.48, VAT 21.50
//  8%: 3 × 12.99 = 38.97 gross → net 36.08, VAT 2.89
//  5%: 1 × 39.90 = 39.90 gross → net 38.00, VAT 1.90
// total 193.85 gross = 167.56 net + 26.29 VAT
const ITEMS = [
  { sku: "KUB-1", name: "Kubek „Zażółć gęślą jaźń”", quantity: 2, unitPrice: 4999, vatRate: 23 },
  { sku: "HER-8", name: "Herbata żurawinowa", quantity: 3, unitPrice: 1299, vatRate: 8 },
  { sku: "KSI-5", name: "Książka: Łąki i źródła", quantity: 1, unitPrice: 3990, vatRate: 5 },
];

describe("the generated PDF", () => {
  it("prints the order's net, VAT and gross per rate and in total, in figures and in Polish words", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, {
      customer: { name: "Grzegorz Brzęczyszczykiewicz", email: "g@example.com" },
      items: ITEMS,
      total: 19385,
      shippingAddress: { name: "Grzegorz Brzęczyszczykiewicz", street: "ul. Chrząszczyżewoszyce 1", postalCode: "62-045", city: "Łękołody", country: "PL" },
    });
    const result = await issueDocument(db, { orderId: order.id, kind: "invoice", actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    const text = await textOf(result.value.pdf!);
    const zl = (minor: number) => formatDocumentMoney(minor, "PLN", "pl");

    expect(text).toContain(`Faktura VAT ${result.value.number}`);
    expect(text).toContain(order.number);
    for (const words of ["Żółta Łódź sp. z o.o.", "ul. Źródlana 7", "NIP: 5252248481", "Grzegorz Brzęczyszczykiewicz", "Łękołody", "Kubek „Zażółć gęślą jaźń”", "Książka: Łąki i źródła", "Dostawa"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`23% ${zl(9348)} ${zl(2150)} ${zl(11498)}`);
    expect(text).toContain(`8% ${zl(3608)} ${zl(289)} ${zl(3897)}`);
    expect(text).toContain(`5% ${zl(3800)} ${zl(190)} ${zl(3990)}`);
    expect(text).toContain(`Razem ${zl(16756)} ${zl(2629)} ${zl(19385)}`);
    expect(zl(19385)).toBe("193,85 zł");
    expect(text).toContain(`Razem: ${zl(order.total)}`);
    expect(text).toContain("Słownie: sto dziewięćdziesiąt trzy złote 85/100");
    expect(text).toContain(`Do zapłaty: ${zl(order.total)}`);
  });

  it("speaks English for an English order", async () => {
    const wf = await createRetailWorkflow(db);
    const order = await createTestOrder(db, wf.type.code, { locale: "en", items: ITEMS.slice(0, 1), total: 9998 });
    const result = await issueDocument(db, { orderId: order.id, kind: "proforma", actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    const text = await textOf(result.value.pdf!);
    expect(text).toContain(`Pro-forma invoice ${result.value.number}`);
    expect(text).toContain("Total: PLN 99.98");
    expect(text).toContain("In words: ninety-nine PLN 98/100");
    expect(text).toContain("not a VAT invoice");
  });

  it("prints a correction invoice: the invoice it corrects, why, the returned items negative, and the amount to refund", async () => {
    const wf = await createRetailWorkflow(db);
    const sale = await createTestOrder(db, wf.type.code, { items: ITEMS, total: 19385 });
    await db.update(orders).set({ statusId: wf.status.completed.id }).where(eq(orders.id, sale.id));
    const invoice = await issueDocument(db, { orderId: sale.id, kind: "invoice", actor: staff });
    if (!invoice.ok) throw new Error(invoice.error.message);
    const made = await createReturn(db, { parent: { id: sale.id }, kind: "return", items: [{ sku: "KUB-1", quantity: 1 }, { sku: "HER-8", quantity: 2 }], reason: "damaged", actor: staff });
    if (!made.ok) throw new Error(made.error.message);
    const result = await issueDocument(db, { orderId: made.value.id, kind: "correction", actor: staff });
    if (!result.ok) throw new Error(result.error.message);
    const text = await textOf(result.value.pdf!);
    const zl = (minor: number) => formatDocumentMoney(minor, "PLN", "pl");

    expect(text).toContain(`Faktura korygująca ${result.value.number}`);
    expect(text).toMatch(new RegExp(`Korekta faktury: ${invoice.value.number.replaceAll("/", "\\/")} z dnia \\d{2}\\.\\d{2}\\.\\d{4}`));
    expect(text).toContain(`Zamówienie: ${sale.number}`);
    expect(text).toContain(`Zgłoszenie: ${made.value.number}`);
    expect(text).toContain("Przyczyna korekty: zwrot towaru (odstąpienie od umowy)");
    for (const words of ["Żółta Łódź sp. z o.o.", "NIP: 5252248481", "Kubek „Zażółć gęślą jaźń”", "Herbata żurawinowa"]) expect(text).toContain(words);
    expect(text).not.toContain("Książka");
    // By hand: 23%: -49.99 → net -40.64, VAT -9.35; 8%: -25.98 → net -24.06, VAT -1.92; in all -75.97.
    expect(text).toContain(`23% ${zl(-4064)} ${zl(-935)} ${zl(-4999)}`);
    expect(text).toContain(`8% ${zl(-2406)} ${zl(-192)} ${zl(-2598)}`);
    expect(zl(-7597)).toBe("-75,97 zł");
    expect(text).toContain(`Razem korekta: ${zl(-7597)}`);
    expect(text).toContain(`Do zwrotu: ${zl(7597)}`);
    expect(text).toContain("Słownie: siedemdziesiąt pięć złotych 97/100");
    expect(text).not.toContain("Do zapłaty");
  });
});
