import { sameSnapshot } from "./same";

/** A value as the audit page shows it: the page words the empty and yes/no in the reader's language. */
export type ShownValue = { type: "empty" } | { type: "boolean"; value: boolean } | { type: "text"; text: string; full: string };

/**
 * One field of an entry: its value before and after (a created record has no before, a deleted one
 * no after), or, for a list whose members changed, the members added and removed.
 */
export type FieldChange =
  | { field: string; type: "value"; before?: ShownValue; after?: ShownValue }
  | { field: string; type: "list"; added: string[]; removed: string[] };

/** Longer values are cut to this many characters; the full text (to a limit) stays for a tooltip. */
export const SHOWN_LENGTH = 120;
const FULL_LENGTH = 2000;

export function shorten(text: string, length = SHOWN_LENGTH): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(plain).join(", ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, member]) => (member !== null && typeof member === "object" ? `${key}: ${plain(member)}` : `${key}: ${String(member)}`))
      .join("; ");
  }
  return String(value);
}

/** A comment template, a translation: the members' values say it better than their names. */
function itemText(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return Object.values(value).map(plain).join(" · ");
  return plain(value);
}

export function shownValue(value: unknown): ShownValue {
  if (value === null || value === undefined) return { type: "empty" };
  if (typeof value === "boolean") return { type: "boolean", value };
  const full = Array.isArray(value) ? value.map(itemText).join(", ") : plain(value);
  if (full === "") return { type: "empty" };
  return { type: "text", text: shorten(full), full: full.slice(0, FULL_LENGTH) };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

const isPrimitiveList = (value: unknown): value is (string | number | boolean)[] =>
  Array.isArray(value) && value.every((item) => ["string", "number", "boolean"].includes(typeof item));

/**
 * What an entry changed, worked out when it is shown (the log keeps whole snapshots): for an update
 * the fields whose values differ; for a list whose members changed, which came and which went; for
 * a created or deleted record, its fields (empty ones and false flags left out).
 */
export function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const is = after?.[field];
    if (!before || !after) {
      const value = before ? was : is;
      // A record is shown by what it says: empty fields and switched-off flags are left out.
      if (isEmpty(value) || value === false) continue;
      changes.push(before ? { field, type: "value", before: shownValue(value) } : { field, type: "value", after: shownValue(value) });
      continue;
    }
    if (sameSnapshot(was, is)) continue;
    if (isPrimitiveList(was) && isPrimitiveList(is)) {
      const added = is.filter((item) => !was.includes(item)).map(String);
      const removed = was.filter((item) => !is.includes(item)).map(String);
      // Same members in another order: a reordering, shown as the list before and after.
      if (added.length > 0 || removed.length > 0) {
        changes.push({ field, type: "list", added: added.map((item) => shorten(item)), removed: removed.map((item) => shorten(item)) });
        continue;
      }
    }
    changes.push({ field, type: "value", before: shownValue(was), after: shownValue(is) });
  }
  return changes;
}
