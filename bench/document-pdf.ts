import type { DocumentContent } from "@/lib/documents/content";
import { renderDocumentPdf } from "@/lib/documents/render-pdf";
import { computeDocumentTotals } from "@/lib/documents/totals";

/**
 * `npx tsx bench/document-pdf.ts [items]`: draws a pro-forma of `items` (default 1,000) items named
 * with 300 characters, in this process, twice (the first loads and warms the fonts), and prints the
 * second drawing's time and the longest the event loop waited meanwhile (a 5 ms timer's lateness):
 * how long a request arriving during the drawing could be held up.
 */
async function main() {
  const count = Number(process.argv[2] ?? 1_000);
  const items = Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i}`, name: `${i}${"W".repeat(300)}`.slice(0, 300), quantity: 1, unitPrice: 100, vatRate: 23 }));
  const totals = computeDocumentTotals(items, count * 100, { shipping: "Dostawa", discount: "Rabat" });
  const party = { name: "Sklep", lines: ["ul. Prosta 1"], taxId: null, email: null };
  const content: DocumentContent = {
    kind: "proforma", number: "PF/2026/0001", locale: "pl", issuedAt: new Date(0), orderNumber: "A-1", orderDate: new Date(0), currency: "PLN",
    seller: party, buyer: party, totals, grossInWords: "sto", paid: 0, amountDue: totals.gross, paymentMethod: "transfer", bankAccount: null,
  };
  await renderDocumentPdf(content);
  let last = performance.now();
  let longestWait = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const pdf = await renderDocumentPdf(content);
  const ms = performance.now() - started;
  clearInterval(timer);
  console.log(JSON.stringify({ items: count, drawMs: Math.round(ms), bytes: pdf.byteLength, longestEventLoopWaitMs: Math.round(longestWait) }));
}

void main();
