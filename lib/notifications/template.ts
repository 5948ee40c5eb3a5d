import { VARIABLE_NAMES } from "./catalogue";

/** `{{ name }}`: letters and digits, optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function findVariables(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      const substitution = previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1);
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, substitution);
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known name closest to a mistyped one, when it is close enough to be a typo. */
export function suggestVariable(unknown: string, known: Iterable<string> = VARIABLE_NAMES): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(unknown, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(unknown.length / 3)) ? best.name : undefined;
}

export type TemplateProblem = { variable: string; suggestion?: string; message: string };

/** Unknown variables, each with a readable message and the closest known name. */
export function checkTemplate(template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const variable of findVariables(template)) {
    if (VARIABLE_NAMES.has(variable)) continue;
    const suggestion = suggestVariable(variable);
    problems.push({
      variable,
      suggestion,
      message: suggestion
        ? `Unknown variable {{${variable}}}: did you mean {{${suggestion}}}?`
        : `Unknown variable {{${variable}}}.`,
    });
  }
  // Unclosed or malformed braces would otherwise reach customers as literal text.
  const stray = template.replace(PLACEHOLDER, "").match(/\{\{|\}\}/);
  if (stray) problems.push({ variable: stray[0], message: "A {{ or }} is not part of a valid {{variable}}." });
  return problems;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Fills the placeholders. A missing value renders as empty, never "undefined"; `escape` is for
 * values going into HTML (the template's own text is the admin's, the values are the customer's).
 */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  options: { escape?: (value: string) => string } = {},
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name] ?? "";
    return options.escape ? options.escape(value) : value;
  });
}

/**
 * Fills a message's text line by line, leaving out a line whose every variable is empty: a
 * "Tracking number: {{trackingNumber}}" line says nothing before the parcel has a number, so a
 * missing value takes its label with it rather than leaving "Tracking number: " behind. A line
 * without variables, or with any value, stays.
 */
export function renderTemplateLines(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template
    .split("\n")
    .filter((line) => {
      const names = findVariables(line);
      return names.length === 0 || names.some((name) => (values[name] ?? "").trim() !== "");
    })
    .map((line) => renderTemplate(line, values))
    .join("\n");
}
