import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/**
 * DejaVu Sans (free licence, shipped by the `dejavu-fonts-ttf` package) has every Polish letter;
 * the PDF standard fonts have none of ą, ę, ł, ś, ż. Read once per process, subset per document.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fontBytes: Promise<[Uint8Array, Uint8Array]> | undefined;

function loadFonts() {
  fontBytes ??= Promise.all([readFile(path.join(FONT_DIR, "DejaVuSans.ttf")), readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))]).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  return fontBytes;
}

/** Lets timers and I/O that are waiting run before drawing goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 48;
export const INK = rgb(0.1, 0.12, 0.16);
export const MUTED = rgb(0.4, 0.43, 0.48);
export const RULE = rgb(0.8, 0.82, 0.85);

export type TextOptions = { size?: number; bold?: boolean; colour?: typeof INK; align?: "left" | "right"; maxWidth?: number };

/**
 * A top-down writer over pdf-lib's bottom-up pages: keeps a cursor, starts a new page when the
 * next block would not fit (calling `onNewPage`, e.g. to repeat a table header).
 */
export class PdfCanvas {
  page!: PDFPage;
  y = 0;
  onNewPage?: () => void;
  readonly pages: PDFPage[] = [];
  private readonly charWidths = new Map<string, number>();

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.addPage();
  }

  static async create(meta: { title: string; author: string; date: Date }): Promise<PdfCanvas> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const [regularBytes, boldBytes] = await loadFonts();
    const [regular, bold] = await Promise.all([doc.embedFont(regularBytes, { subset: true }), doc.embedFont(boldBytes, { subset: true })]);
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setCreator("Orderly");
    doc.setProducer("Orderly");
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
    // A font's first measurement reads its layout tables (tens of milliseconds each): done here,
    // one font per turn of the event loop, rather than in one block inside the first line drawn.
    for (const font of [regular, bold]) {
      font.widthOfTextAtSize("Ą", 9);
      await nextTurn();
    }
    return new PdfCanvas(doc, regular, bold);
  }

  get width() {
    return A4[0] - 2 * MARGIN;
  }

  addPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  /** Makes room for `height` points, moving to a new page when needed. */
  ensure(height: number) {
    if (this.y - height >= MARGIN + 20) return;
    this.addPage();
    this.onNewPage?.();
  }

  font(bold?: boolean) {
    return bold ? this.bold : this.regular;
  }

  textWidth(text: string, size = 9, bold = false) {
    return this.font(bold).widthOfTextAtSize(text, size);
  }

  /** One character's width, remembered: a document's names repeat the same few dozen letters. */
  private charWidth(char: string, size: number, bold: boolean) {
    const key = `${bold ? "b" : "r"}${size}:${char}`;
    let width = this.charWidths.get(key);
    if (width === undefined) this.charWidths.set(key, (width = this.textWidth(char, size, bold)));
    return width;
  }

  /** Draws one line of text at `x` (its right edge for right alignment) on the cursor's baseline. */
  text(text: string, x: number, options: TextOptions = {}) {
    const size = options.size ?? 9;
    const font = this.font(options.bold);
    const shown = options.maxWidth ? this.fit(text, options.maxWidth, size, options.bold) : text;
    const left = options.align === "right" ? x - font.widthOfTextAtSize(shown, size) : x;
    this.page.drawText(shown, { x: MARGIN + left, y: this.y, size, font, color: options.colour ?? INK });
  }

  /** Breaks text into lines no wider than `width`, at spaces where possible. */
  wrap(text: string, width: number, size = 9, bold = false): string[] {
    const lines: string[] = [];
    let current = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (this.fits(candidate, width, size, bold)) current = candidate;
      else {
        if (current) lines.push(current);
        current = this.fit(word, width, size, bold);
      }
    }
    if (current) lines.push(current);
    return lines.length ? lines : [""];
  }

  /**
   * Shortens text with an ellipsis until it fits. Each character is measured once (and
   * remembered), from the start, until the width is used up: the work grows with the width, not
   * with the text's length, let alone its square (measuring ever shorter copies of a
   * 300-character name froze the server for seconds). Only a text that may fit whole is measured
   * whole, since a font may set a pair of letters closer than the two alone; the cut is checked
   * the same way and drops the odd character if kerning made it wider.
   */
  fit(text: string, width: number, size = 9, bold = false): string {
    const chars = Array.from(text);
    const room = width - this.textWidth("…", size, bold);
    let used = 0;
    let end = 0;
    let cutEnd = 0;
    while (end < chars.length) {
      used += this.charWidth(chars[end]!, size, bold);
      if (used > width) break;
      end += 1;
      if (used <= room) cutEnd = end;
    }
    if (end === chars.length && this.textWidth(text, size, bold) <= width) return text;
    // Code points, so a letter outside the BMP is never cut in half.
    let cut = chars.slice(0, Math.max(1, cutEnd));
    while (cut.length > 1 && this.textWidth(`${cut.join("")}…`, size, bold) > width) cut = cut.slice(0, -1);
    return `${cut.join("")}…`;
  }

  /** Whether text fits `width` whole, without laying out more of it than the width can hold. */
  private fits(text: string, width: number, size: number, bold: boolean): boolean {
    let used = 0;
    for (const char of text) {
      used += this.charWidth(char, size, bold);
      if (used > width) return false;
    }
    return this.textWidth(text, size, bold) <= width;
  }

  rule(offset = 4, colour = RULE) {
    this.page.drawLine({ start: { x: MARGIN, y: this.y + offset }, end: { x: MARGIN + this.width, y: this.y + offset }, thickness: 0.6, color: colour });
  }

  down(points: number) {
    this.y -= points;
  }

  /** Page numbers in the footer, once every page exists. */
  footer(label: (page: number, of: number) => string) {
    this.pages.forEach((page, i) => {
      const text = label(i + 1, this.pages.length);
      const width = this.regular.widthOfTextAtSize(text, 7.5);
      page.drawText(text, { x: MARGIN + this.width - width, y: MARGIN - 20, size: 7.5, font: this.regular, color: MUTED });
    });
  }

  /**
   * Serialises the document, giving the event loop a turn after each font's subset is built (the
   * costliest single steps, which pdf-lib would otherwise run back to back) and after every
   * object written (a page's content is one).
   */
  async save(): Promise<Uint8Array> {
    for (const font of [this.regular, this.bold]) {
      await font.embed();
      await nextTurn();
    }
    return this.doc.save({ objectsPerTick: 1 });
  }
}
