/**
 * Postgres cannot store U+0000 in text (`invalid byte sequence for encoding "UTF8": 0x00`), so a
 * NUL anywhere in a request would reach the database and fail there as a 500. Every way in (API
 * parameters, query and body; server-action input) refuses it up front, field by field.
 */
export type NulIssue = { path: PropertyKey[]; message: string };

const MESSAGE = "Must not contain the NUL character (\\u0000)";

export function findNulCharacters(value: unknown, path: PropertyKey[] = [], issues: NulIssue[] = []): NulIssue[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) issues.push({ path, message: MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNulCharacters(item, [...path, index], issues));
  } else if (value instanceof FormData) {
    for (const [key, item] of value.entries()) {
      if (key.includes("\u0000")) issues.push({ path: [...path, key], message: MESSAGE });
      findNulCharacters(item, [...path, key], issues);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) issues.push({ path: [...path, key], message: MESSAGE });
      findNulCharacters(item, [...path, key], issues);
    }
  }
  return issues;
}
