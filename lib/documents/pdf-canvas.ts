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
      if (this.textWidth(candidate, size, bold) <= width) current = candidate;
      else {
        if (current) lines.push(current);
        current = this.textWidth(word, size, bold) <= width ? word : this.fit(word, width, size, bold);
      }
    }
    if (current) lines.push(current);
    return lines.length ? lines : [""];
  }

  /** Shortens text with an ellipsis until it fits. */
  fit(text: string, width: number, size = 9, bold = false): string {
    if (this.textWidth(text, size, bold) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.textWidth(`${cut}…`, size, bold) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
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

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
