import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderItem } from "@/db/schema";
import { computeCorrectionTotals } from "./correction-totals";
import { computeDocumentTotals } from "./totals";

const labels = { shipping: "Shipping", discount: "Discount" };
const mug: OrderItem = { sku: "MUG", name: "Mug", quantity: 2, unitPrice: 2500, vatRate: 23 };
const tea: OrderItem = { sku: "TEA", name: "Tea", quantity: 3, unitPrice: 1299, vatRate: 8 };
const some = (item: OrderItem, quantity: number): OrderItem => ({ ...item, quantity });

describe("correction invoice totals", () => {
  it("takes the returned items back at the invoice's prices, every amount negative", () => {
    const invoice = computeDocumentTotals([mug, tea], 5000 + 3897, labels);
    const totals = computeCorrectionTotals([some(mug, 1)], invoice.lines, labels);
    // By hand: -25.00 gross at 23% → net -20.33 (2500 / 1.23 = 2032.52), VAT -4.67.
    expect(totals.lines).toEqual([{ type: "item", name: "Mug", sku: "MUG", quantity: -1, unitGross: 2500, vatRate: 23, gross: -2500, net: -2033, vat: -467 }]);
    expect(totals.rates).toEqual([{ vatRate: 23, gross: -2500, net: -2033, vat: -467 }]);
    expect({ net: totals.net, vat: totals.vat, gross: totals.gross }).toEqual({ net: -2033, vat: -467, gross: -2500 });
  });

  it("gives back the invoice's discount on the returned items, per rate, in proportion", () => {
    // Invoice: 50.00 at 23% and 38.97 at 8% for 78.97: a 10.00 discount, 5.62 at 23% and 4.38 at 8%.
    const invoice = computeDocumentTotals([mug, tea], 7897, labels);
    expect(invoice.lines.filter((l) => l.type === "discount").map((l) => [l.vatRate, l.gross])).toEqual([[23, -562], [8, -438]]);
    const totals = computeCorrectionTotals([some(mug, 1), some(tea, 1)], invoice.lines, labels);
    // By hand: half the mugs take back 2.81 of 5.62; a third of the tea 1.46 of 4.38.
    expect(totals.lines.filter((l) => l.type === "discount").map((l) => [l.vatRate, l.gross])).toEqual([[23, 281], [8, 146]]);
    // 23%: -25.00 + 2.81 = -22.19 → net -18.04, VAT -4.15; 8%: -12.99 + 1.46 = -11.53 → net -10.68, VAT -0.85.
    expect(totals.rates).toEqual([
      { vatRate: 23, gross: -2219, net: -1804, vat: -415 },
      { vatRate: 8, gross: -1153, net: -1068, vat: -85 },
    ]);
    expect(totals.gross).toBe(-3372);
  });

  it("leaves delivery on the invoice: it was performed whether or not the goods come back", () => {
    const invoice = computeDocumentTotals([mug], 5000 + 1599, labels);
    const totals = computeCorrectionTotals([some(mug, 2)], invoice.lines, labels);
    expect(totals.lines.map((l) => l.type)).toEqual(["item"]);
    expect(totals.gross).toBe(-5000);
  });

  it("never gives back more than was paid, and everything when everything comes back", () => {
    const item = fc.record({ unitPrice: fc.integer({ min: 1, max: 100_000 }), quantity: fc.integer({ min: 1, max: 20 }), vatRate: fc.constantFrom(0, 5, 8, 23) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 100 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }), (raw, discountPercent, back) => {
        const items = raw.map((r, i) => ({ ...r, sku: `S${i}`, name: `Item ${i}` }));
        const itemsGross = items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
        const total = itemsGross - Math.floor((itemsGross * discountPercent) / 100);
        const invoice = computeDocumentTotals(items, total, labels);
        const returned = items.map((i, n) => some(i, Math.min(i.quantity, back[n]!))).filter((i) => i.quantity > 0);
        const correction = computeCorrectionTotals(returned, invoice.lines, labels);
        const returnedGross = returned.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
        expect(-correction.gross).toBeLessThanOrEqual(returnedGross);
        expect(-correction.gross).toBeGreaterThanOrEqual(0);
        const all = computeCorrectionTotals(items, invoice.lines, labels);
        expect(all.gross === -invoice.gross).toBe(true); // ===: a zero is a zero, whatever its sign
        for (const rate of correction.rates) expect(rate.net + rate.vat).toBe(rate.gross);
      }),
    );
  });
});
