/*
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so
 * Excel shows "Zwrot", "Reklamacja" and Polish customer names instead of mojibake.
 */

export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvTable = { headers: string[]; rows: CsvCell[][] };

export const UTF8_BOM = "\uFEFF";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
// customer named "=HYPERLINK(...)" must arrive as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  // Only text can carry a formula; numbers (including negative ones) stay numbers.
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
