import { beforeAll, describe, expect, it, vi } from "vitest";
import { PdfCanvas } from "./pdf-canvas";

let canvas: PdfCanvas;
beforeAll(async () => {
  canvas = await PdfCanvas.create({ title: "t", author: "a", date: new Date(0) });
});

/** Characters laid out by the font while `work` runs: the cost of measuring, whatever the call pattern. */
function charactersMeasured(work: () => void): number {
  const spies = [canvas.regular, canvas.bold].map((font) => vi.spyOn(font, "widthOfTextAtSize"));
  try {
    work();
    return spies.flatMap((spy) => spy.mock.calls).reduce((sum, [text]) => sum + Array.from(text).length, 0);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("PdfCanvas.fit", () => {
  it("measures a long word at a cost bounded by the width, not growing with the word's length squared", () => {
    const cost = (length: number) => charactersMeasured(() => canvas.fit("W".repeat(length), 178, 8));
    for (const length of [300, 3_000, 30_000]) expect(cost(length)).toBeLessThan(length);
    expect(cost(30_000)).toBe(cost(300));
  });

  it("keeps as much of the word as fits, with an ellipsis, and no wider than the room", () => {
    for (const [word, width] of [["W".repeat(300), 178], ["ąęłśżźćń".repeat(40), 120], ["i".repeat(500), 60], ["😀".repeat(100), 50]] as const) {
      const shown = canvas.fit(word, width, 8);
      expect(shown.endsWith("…")).toBe(true);
      expect(canvas.textWidth(shown, 8)).toBeLessThanOrEqual(width);
      const kept = shown.slice(0, -1);
      expect(word.startsWith(kept)).toBe(true);
      // One more character would not have fitted.
      const longer = Array.from(word).slice(0, Array.from(kept).length + 1).join("");
      expect(canvas.textWidth(`${longer}…`, 8)).toBeGreaterThan(width);
    }
    expect(canvas.fit("short", 178, 8)).toBe("short");
  });

  it("wraps a 300-character name without measuring it over and over", () => {
    const name = `${"Kubek ".repeat(10)}${"x".repeat(300)} (SKU-${"9".repeat(100)})`;
    let lines: string[] = [];
    const cost = charactersMeasured(() => (lines = canvas.wrap(name, 178, 8)));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(canvas.textWidth(line, 8)).toBeLessThanOrEqual(178);
    expect(cost).toBeLessThan(5 * name.length);
  });
});
