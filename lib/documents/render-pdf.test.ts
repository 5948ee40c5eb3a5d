import { describe, expect, it, vi } from "vitest";
import type { DocumentContent } from "./content";
import { PdfCanvas } from "./pdf-canvas";
import { renderDocumentPdf, ROWS_PER_TURN } from "./render-pdf";
import { computeDocumentTotals } from "./totals";

const ITEMS = 1_000;

function largeContent(): DocumentContent {
  const items = Array.from({ length: ITEMS }, (_, i) => ({ sku: `SKU-${i}`, name: `${i}${"W".repeat(299)}`, quantity: 1, unitPrice: 100, vatRate: 23 }));
  const totals = computeDocumentTotals(items, ITEMS * 100, { shipping: "Dostawa", discount: "Rabat" });
  const party = { name: "Sklep", lines: ["ul. Prosta 1"], taxId: null, email: null };
  return {
    kind: "proforma", number: "PF/2026/0001", locale: "pl", issuedAt: new Date(0), orderNumber: "A-1", orderDate: new Date(0), currency: "PLN",
    seller: party, buyer: party, totals, grossInWords: "sto", paid: 0, amountDue: totals.gross, paymentMethod: "transfer", bankAccount: null,
  };
}

describe("renderDocumentPdf", () => {
  it("gives the event loop a turn every few rows while drawing a long document", async () => {
    // Each row wraps its name once; a callback queued with setImmediate runs only when drawing yields.
    let rowsSinceTurn = 0;
    let longestRun = 0;
    let drawing = true;
    const original = PdfCanvas.prototype.wrap;
    const wrap = vi.spyOn(PdfCanvas.prototype, "wrap").mockImplementation(function (this: PdfCanvas, ...args: Parameters<PdfCanvas["wrap"]>) {
      rowsSinceTurn += 1;
      longestRun = Math.max(longestRun, rowsSinceTurn);
      return original.apply(this, args);
    });
    try {
      const turn = () => {
        rowsSinceTurn = 0;
        if (drawing) setImmediate(turn);
      };
      setImmediate(turn);
      const pdf = await renderDocumentPdf(largeContent());
      drawing = false;
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      wrap.mockRestore();
    }
    // A row's wrap, plus the totals in words and the pro-forma note drawn after the last turn.
    expect(longestRun).toBeLessThanOrEqual(ROWS_PER_TURN + 2);
  });
});
