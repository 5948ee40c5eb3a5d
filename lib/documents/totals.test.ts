import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderItem } from "@/db/schema";
import { allocate, computeDocumentTotals, netOfGross } from "./totals";

const labels = { shipping: "Shipping", discount: "Discount" };
const item = (unitPrice: number, quantity: number, vatRate: number): OrderItem => ({ sku: `S${unitPrice}`, name: `Item ${unitPrice}`, quantity, unitPrice, vatRate });

describe("document totals", () => {
  it("computes VAT per rate on the rate's gross sum, not per line", () => {
    // Three lines of 0.99 gross at 23%: per line VAT would be 0.19 × 3 = 0.57; on the sum it is 0.56.
    const totals = computeDocumentTotals([item(99, 1, 23), item(99, 1, 23), item(99, 1, 23)], 297, labels);
    expect(totals.rates).toEqual([{ vatRate: 23, gross: 297, net: 241, vat: 56 }]);
    expect(totals.lines.reduce((s, l) => s + l.vat, 0)).toBe(57);
    expect({ net: totals.net, vat: totals.vat, gross: totals.gross }).toEqual({ net: 241, vat: 56, gross: 297 });
  });

  it("summarises several rates, highest first", () => {
    const totals = computeDocumentTotals([item(12300, 1, 23), item(1080, 2, 8), item(525, 4, 5), item(1000, 1, 0)], 12300 + 2160 + 2100 + 1000, labels);
    expect(totals.rates).toEqual([
      { vatRate: 23, gross: 12300, net: 10000, vat: 2300 },
      { vatRate: 8, gross: 2160, net: 2000, vat: 160 },
      { vatRate: 5, gross: 2100, net: 2000, vat: 100 },
      { vatRate: 0, gross: 1000, net: 1000, vat: 0 },
    ]);
    expect(totals.gross).toBe(17560);
  });

  it("prints the rest of a higher order total as shipping at the highest rate", () => {
    const totals = computeDocumentTotals([item(1080, 1, 8), item(2460, 1, 23)], 3540 + 1599, labels);
    expect(totals.lines.at(-1)).toMatchObject({ type: "shipping", name: "Shipping", gross: 1599, vatRate: 23 });
    expect(totals.gross).toBe(5139);
  });

  it("spreads a lower order total as a discount over the rates by their share", () => {
    const totals = computeDocumentTotals([item(3000, 1, 23), item(1000, 1, 8)], 3600, labels);
    const discounts = totals.lines.filter((l) => l.type === "discount");
    expect(discounts.map((d) => [d.vatRate, d.gross])).toEqual([[23, -300], [8, -100]]);
    expect(totals.rates.map((r) => r.gross)).toEqual([2700, 900]);
  });

  it("keeps gross equal to the order total and net + VAT equal to gross, for any order", () => {
    const items = fc.array(
      fc.record({ unitPrice: fc.integer({ min: 0, max: 500_000 }), quantity: fc.integer({ min: 1, max: 50 }), vatRate: fc.constantFrom(0, 5, 8, 23) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(items, fc.integer({ min: -100_000, max: 100_000 }), (raw, delta) => {
        const list = raw.map((r, i) => ({ ...r, sku: `s${i}`, name: `n${i}` }));
        const sum = list.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
        const total = Math.max(0, sum + delta);
        const t = computeDocumentTotals(list, total, labels);
        return (
          t.gross === total &&
          t.net + t.vat === t.gross &&
          t.rates.every((r) => r.net + r.vat === r.gross && r.net === netOfGross(r.gross, r.vatRate)) &&
          t.lines.reduce((s, l) => s + l.gross, 0) === total
        );
      }),
    );
  });

  it("allocates whole units that add up exactly", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }), (amount, weights) => {
        const shares = allocate(amount, weights);
        return shares.reduce((a, b) => a + b, 0) === amount && shares.every((s) => s >= 0);
      }),
    );
  });
});
