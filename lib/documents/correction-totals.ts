import type { OrderItem } from "@/db/schema";
import { documentLine, summariseLines, type DocumentLine, type DocumentTotals } from "./totals";

/**
 * The figures of a correction invoice (faktura korygująca) for returned items: the difference
 * the return makes to the corrected invoice, so every amount is negative (what the buyer no
 * longer owes) and the per-rate summary is the change of net and VAT at each rate (VAT Act art.
 * 106j).
 *
 * Items go back at the invoice's unit prices. When the invoice gave a discount, the part of it
 * that fell on the returned items comes back as a positive line per rate, in proportion to the
 * returned items' share of that rate's items, so the buyer is refunded what was actually paid.
 * Delivery is not corrected: it was performed whether or not the goods come back.
 */
export function computeCorrectionTotals(returned: readonly OrderItem[], invoiceLines: readonly DocumentLine[], labels: { discount: string }): DocumentTotals {
  const lines: DocumentLine[] = returned.map((item) =>
    documentLine({
      type: "item",
      name: item.name,
      sku: item.sku,
      quantity: -item.quantity,
      unitGross: item.unitPrice,
      vatRate: item.vatRate,
      gross: -item.quantity * item.unitPrice,
    }),
  );

  const rates = [...new Set(lines.map((l) => l.vatRate))].sort((a, b) => b - a);
  for (const rate of rates) {
    const soldGross = sumGross(invoiceLines, "item", rate);
    const discount = -sumGross(invoiceLines, "discount", rate);
    if (soldGross <= 0 || discount <= 0) continue;
    const returnedGross = -sumGross(lines, "item", rate);
    const share = Math.min(discount, Math.round((discount * returnedGross) / soldGross));
    if (share === 0) continue;
    lines.push(documentLine({ type: "discount", name: `${labels.discount} (${rate}%)`, sku: null, quantity: 1, unitGross: share, vatRate: rate, gross: share }));
  }
  return summariseLines(lines);
}

function sumGross(lines: readonly DocumentLine[], type: DocumentLine["type"], vatRate: number): number {
  return lines.filter((l) => l.type === type && l.vatRate === vatRate).reduce((sum, l) => sum + l.gross, 0);
}
