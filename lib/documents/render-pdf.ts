import type { DocumentContent, Party } from "./content";
import { DOCUMENT_LABELS, formatDocumentDate, formatDocumentMoney } from "./labels";
import { MUTED, nextTurn, PdfCanvas } from "./pdf-canvas";

const TABLE_SIZE = 8;
/**
 * Drawing gives the event loop a turn after this many rows, or sooner once a turn's slice has
 * taken TURN_MS (a slow or busy core). A row costs about 2 ms on a quiet core, so the server
 * answers other requests (a health check, another staff member) within some 10 ms while a
 * 1,000-item document is drawn, instead of after the whole document.
 */
export const ROWS_PER_TURN = 5;
const TURN_MS = 8;
/** Right edges of the number columns and the left edge of the name, in points from the margin. */
const COLUMNS = { no: 0, name: 22, nameWidth: 178, quantity: 232, unitGross: 292, rate: 326, net: 384, vat: 440, gross: 499 };

/**
 * Lays a document out on A4 pages: header, parties, items (repeating their header on every page),
 * the per-rate summary, totals in figures and words, payment. The figures come from `content`
 * as they are stored, so the PDF and the database say the same. Drawing gives the event loop a
 * turn every few rows (and pdf-lib's save every few objects), so a long document never holds up
 * the server's other requests.
 */
export async function renderDocumentPdf(content: DocumentContent): Promise<Uint8Array> {
  const labels = DOCUMENT_LABELS[content.locale];
  const money = (minor: number) => formatDocumentMoney(minor, content.currency, content.locale);
  const title = `${labels.title[content.kind]} ${content.number}`;
  const canvas = await PdfCanvas.create({ title, author: content.seller.name, date: content.issuedAt });

  // Header: title left, dates and order right.
  canvas.text(title, 0, { size: 16, bold: true });
  canvas.down(22);
  const facts: [string, string][] = content.corrects
    ? [
        [labels.issueDate, formatDocumentDate(content.issuedAt, content.locale)],
        [labels.corrects, `${content.corrects.number} ${labels.correctedIssueDate} ${formatDocumentDate(new Date(content.corrects.issuedAt), content.locale)}`],
        [labels.order, content.orderNumber],
        [labels.request, content.corrects.afterSalesNumber],
        [labels.correctionReason, labels.correctionReasons[content.corrects.reason]],
      ]
    : [
        [labels.issueDate, formatDocumentDate(content.issuedAt, content.locale)],
        [labels.saleDate, formatDocumentDate(content.issuedAt, content.locale)],
        [labels.order, content.orderNumber],
      ];
  for (const [label, value] of facts) {
    canvas.text(`${label}: ${value}`, 0, { colour: MUTED });
    canvas.down(12);
  }
  canvas.down(10);

  // Parties side by side.
  const partyTop = canvas.y;
  const half = canvas.width / 2;
  const drawParty = (heading: string, party: Party, x: number) => {
    canvas.y = partyTop;
    canvas.text(heading.toUpperCase(), x, { size: 7.5, bold: true, colour: MUTED });
    canvas.down(13);
    canvas.text(party.name, x, { bold: true, maxWidth: half - 12 });
    canvas.down(12);
    const rest = [...party.lines, party.taxId ? `${labels.taxId}: ${party.taxId}` : "", party.email ? `${labels.email}: ${party.email}` : ""];
    for (const line of rest.filter(Boolean)) {
      canvas.text(line, x, { maxWidth: half - 12 });
      canvas.down(12);
    }
    return canvas.y;
  };
  canvas.y = Math.min(drawParty(labels.seller, content.seller, 0), drawParty(labels.buyer, content.buyer, half)) - 14;

  // Items.
  const columns = labels.columns;
  const tableHeader = () => {
    canvas.text(columns.no, COLUMNS.no, { size: 7.5, bold: true, colour: MUTED });
    canvas.text(columns.name, COLUMNS.name, { size: 7.5, bold: true, colour: MUTED });
    for (const key of ["quantity", "unitGross", "rate", "net", "vat", "gross"] as const) {
      canvas.text(columns[key], COLUMNS[key], { size: 7.5, bold: true, colour: MUTED, align: "right" });
    }
    canvas.down(5);
    canvas.rule(0);
    canvas.down(11);
  };
  canvas.ensure(40);
  tableHeader();
  canvas.onNewPage = tableHeader;
  let turnStarted = performance.now();
  let rowsThisTurn = 0;
  for (const [index, line] of content.totals.lines.entries()) {
    if (rowsThisTurn === ROWS_PER_TURN || performance.now() - turnStarted > TURN_MS) {
      await nextTurn();
      turnStarted = performance.now();
      rowsThisTurn = 0;
    }
    rowsThisTurn += 1;
    const nameLines = canvas.wrap(line.sku ? `${line.name} (${line.sku})` : line.name, COLUMNS.nameWidth, TABLE_SIZE);
    canvas.ensure(nameLines.length * 10 + 4);
    // The name goes first so text copied from the PDF reads in the order of the columns.
    const top = canvas.y;
    canvas.text(String(index + 1), COLUMNS.no, { size: TABLE_SIZE });
    for (const [i, text] of nameLines.entries()) {
      canvas.y = top - i * 10;
      canvas.text(text, COLUMNS.name, { size: TABLE_SIZE });
    }
    const bottom = canvas.y;
    canvas.y = top;
    canvas.text(String(line.quantity), COLUMNS.quantity, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(line.unitGross), COLUMNS.unitGross, { size: TABLE_SIZE, align: "right" });
    canvas.text(`${line.vatRate}%`, COLUMNS.rate, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(line.net), COLUMNS.net, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(line.vat), COLUMNS.vat, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(line.gross), COLUMNS.gross, { size: TABLE_SIZE, align: "right" });
    canvas.y = bottom;
    canvas.down(6);
    canvas.rule(2);
    canvas.down(10);
  }
  canvas.onNewPage = undefined;

  // Per-rate summary: the binding figures.
  canvas.ensure(30 + content.totals.rates.length * 12);
  canvas.down(8);
  canvas.text(labels.summary, COLUMNS.name, { size: 7.5, bold: true, colour: MUTED });
  canvas.text(labels.rate, COLUMNS.rate, { size: 7.5, bold: true, colour: MUTED, align: "right" });
  canvas.text(columns.net, COLUMNS.net, { size: 7.5, bold: true, colour: MUTED, align: "right" });
  canvas.text(columns.vat, COLUMNS.vat, { size: 7.5, bold: true, colour: MUTED, align: "right" });
  canvas.text(columns.gross, COLUMNS.gross, { size: 7.5, bold: true, colour: MUTED, align: "right" });
  canvas.down(12);
  for (const rate of content.totals.rates) {
    canvas.text(`${rate.vatRate}%`, COLUMNS.rate, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(rate.net), COLUMNS.net, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(rate.vat), COLUMNS.vat, { size: TABLE_SIZE, align: "right" });
    canvas.text(money(rate.gross), COLUMNS.gross, { size: TABLE_SIZE, align: "right" });
    canvas.down(12);
  }
  canvas.text(labels.total, COLUMNS.rate, { size: TABLE_SIZE, bold: true, align: "right" });
  canvas.text(money(content.totals.net), COLUMNS.net, { size: TABLE_SIZE, bold: true, align: "right" });
  canvas.text(money(content.totals.vat), COLUMNS.vat, { size: TABLE_SIZE, bold: true, align: "right" });
  canvas.text(money(content.totals.gross), COLUMNS.gross, { size: TABLE_SIZE, bold: true, align: "right" });
  canvas.down(26);

  // Totals in figures and words, then payment (a correction: the amount to give back).
  const wordsLines = canvas.wrap(`${labels.inWords}: ${content.grossInWords}`, canvas.width, 9);
  canvas.ensure(60 + wordsLines.length * 12);
  canvas.text(`${content.corrects ? labels.correctionTotal : labels.total}: ${money(content.totals.gross)}`, 0, { size: 12, bold: true });
  canvas.down(16);
  if (content.corrects) {
    canvas.text(`${labels.toRefund}: ${money(-content.amountDue)}`, 0, { bold: true });
    canvas.down(12);
  }
  for (const line of wordsLines) {
    canvas.text(line, 0);
    canvas.down(12);
  }
  if (!content.corrects) drawPayment(canvas, content, money);
  if (content.kind === "proforma") {
    canvas.down(10);
    for (const line of canvas.wrap(labels.proformaNote, canvas.width, 8)) {
      canvas.ensure(12);
      canvas.text(line, 0, { size: 8, colour: MUTED });
      canvas.down(11);
    }
  }

  canvas.footer((page, of) => `${content.number} · ${labels.page} ${page}/${of}`);
  return canvas.save();
}

/** What was paid, what is due, and how to pay it. */
function drawPayment(canvas: PdfCanvas, content: DocumentContent, money: (minor: number) => string) {
  const labels = DOCUMENT_LABELS[content.locale];
  if (content.paid > 0) {
    canvas.text(`${labels.paid}: ${money(content.paid)}`, 0);
    canvas.down(12);
  }
  canvas.text(`${labels.toPay}: ${money(content.amountDue)}`, 0, { bold: true });
  canvas.down(12);
  canvas.text(`${labels.paymentMethod}: ${content.paymentMethod}`, 0);
  canvas.down(12);
  if (content.bankAccount) {
    canvas.text(`${labels.bankAccount}: ${content.bankAccount}`, 0);
    canvas.down(12);
  }
}
