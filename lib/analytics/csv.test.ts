import { describe, expect, it } from "vitest";
import { csvCell, toCsv, UTF8_BOM } from "./csv";

describe("csvCell", () => {
  it("quotes commas, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("Kowalski, Jan")).toBe('"Kowalski, Jan"');
    expect(csvCell('Sklep "Pod Lipą"')).toBe('"Sklep ""Pod Lipą"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("turns text a spreadsheet would run as a formula into plain text", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+48 600 100 200")).toBe("'+48 600 100 200");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("writes numbers, dates, booleans and gaps as values, never guarding a negative number", () => {
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(new Date("2026-03-01T10:00:00Z"))).toBe("2026-03-01T10:00:00.000Z");
    expect(csvCell(true)).toBe("yes");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv({ headers: ["status", "orders"], rows: [["Zwrot", 3], ["Reklamacja oczekująca", 1]] });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("status,orders\r\nZwrot,3\r\nReklamacja oczekująca,1\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
