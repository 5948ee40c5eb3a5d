import type { OrderItem } from "@/db/schema";

/** One printed line: gross amounts are the order's; net and VAT per line are for reading only. */
export type DocumentLine = {
  /** "item" from the order; "shipping" and "discount" reconcile the items with the order's total. */
  type: "item" | "shipping" | "discount";
  name: string;
  sku: string | null;
  quantity: number;
  unitGross: number;
  vatRate: number;
  gross: number;
  net: number;
  vat: number;
};

export type RateSummary = { vatRate: number; net: number; vat: number; gross: number };

export type DocumentTotals = {
  lines: DocumentLine[];
  /** Per VAT rate, highest rate first: these are the legally binding figures. */
  rates: RateSummary[];
  net: number;
  vat: number;
  gross: number;
};

/** Net part of a gross amount at a rate, rounded half away from zero to the minor unit. */
export function netOfGross(gross: number, vatRate: number): number {
  const exact = (gross * 100) / (100 + vatRate);
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** A printed line from its gross amount: net and VAT follow from the rate. */
export function documentLine(partial: Omit<DocumentLine, "net" | "vat">): DocumentLine {
  const net = netOfGross(partial.gross, partial.vatRate);
  return { ...partial, net, vat: partial.gross - net };
}

/**
 * Splits `amount` over `weights` in proportion, in whole minor units that add up exactly
 * (largest remainder), so a discount spread over VAT rates loses no grosz.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

export type TotalsLabels = { shipping: string; discount: string };

/**
 * The document's figures from the order's items (gross unit prices with a VAT rate) and its total.
 *
 * Polish practice for prices quoted gross (VAT Act art. 106e(7)-(8)): VAT is computed once per
 * rate on the sum of that rate's gross amounts, not per line, so the printed per-rate summary
 * is exact and the per-line net figures are informative only.
 *
 * The document's gross always equals the order's total. When the total is above the items' sum
 * the difference is delivery, printed as its own line at the highest rate among the items
 * (delivery follows the goods it carries; the highest rate never under-taxes). When it is below,
 * the difference is a discount, spread over the rates in proportion to their gross amounts.
 */
export function computeDocumentTotals(items: readonly OrderItem[], orderTotal: number, labels: TotalsLabels): DocumentTotals {
  const lines: DocumentLine[] = items.map((item) =>
    documentLine({
      type: "item",
      name: item.name,
      sku: item.sku,
      quantity: item.quantity,
      unitGross: item.unitPrice,
      vatRate: item.vatRate,
      gross: item.quantity * item.unitPrice,
    }),
  );
  const itemsGross = lines.reduce((sum, l) => sum + l.gross, 0);
  const difference = orderTotal - itemsGross;
  const rates = [...new Set(lines.map((l) => l.vatRate))].sort((a, b) => b - a);

  if (difference > 0) {
    const rate = rates[0] ?? 23;
    lines.push(documentLine({ type: "shipping", name: labels.shipping, sku: null, quantity: 1, unitGross: difference, vatRate: rate, gross: difference }));
  } else if (difference < 0) {
    const grossPerRate = rates.map((r) => lines.filter((l) => l.vatRate === r).reduce((s, l) => s + l.gross, 0));
    allocate(-difference, grossPerRate).forEach((share, i) => {
      if (share === 0) return;
      const rate = rates[i]!;
      lines.push(documentLine({ type: "discount", name: `${labels.discount} (${rate}%)`, sku: null, quantity: 1, unitGross: -share, vatRate: rate, gross: -share }));
    });
  }

  return summariseLines(lines);
}

/** The per-rate summary and totals of printed lines: VAT once per rate, on the rate's gross sum. */
export function summariseLines(lines: DocumentLine[]): DocumentTotals {
  const summaries: RateSummary[] = [...new Set(lines.map((l) => l.vatRate))]
    .sort((a, b) => b - a)
    .map((vatRate) => {
      const gross = lines.filter((l) => l.vatRate === vatRate).reduce((s, l) => s + l.gross, 0);
      const net = netOfGross(gross, vatRate);
      return { vatRate, gross, net, vat: gross - net };
    });
  return {
    lines,
    rates: summaries,
    net: summaries.reduce((s, r) => s + r.net, 0),
    vat: summaries.reduce((s, r) => s + r.vat, 0),
    gross: summaries.reduce((s, r) => s + r.gross, 0),
  };
}
