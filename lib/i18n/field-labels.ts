import type { FieldErrors } from "@/lib/result";

/**
 * The labels of the fields a refusal names, in the form's order of `labels`, each once: a key is
 * matched as it is, then without the action's wrapper ("status.colour" → "colour"), then by its
 * list ("externalCodes.0.code" → "externalCodes"). A key without a label is left out: people
 * never read an internal path.
 */
export function labelsOf(fieldErrors: FieldErrors, labels: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const key of Object.keys(fieldErrors)) {
    const parts = key.split(".");
    let label: string | undefined;
    // Each suffix (without the wrapper), longest first; within it, each prefix (without the list's position), longest first.
    for (let start = 0; start < parts.length && !label; start++) {
      for (let end = parts.length; end > start && !label; end--) label = labels[parts.slice(start, end).join(".")];
    }
    if (label) found.add(label);
  }
  const order = Object.values(labels);
  return [...found].sort((x, y) => order.indexOf(x) - order.indexOf(y));
}
