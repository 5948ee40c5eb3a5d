/**
 * Postgres cannot store U+0000 in text (`invalid byte sequence for encoding "UTF8": 0x00`), so a
 * NUL anywhere in a request would reach the database and fail there as a 500. Every way in
 * refuses it up front: API parameters, query and body and server-action input field by field;
 * the carriers' webhooks as a 422; the tracking page's forms as a miss or a worded refusal; the
 * staff pages' search parameters by dropping the filter (lib/url-params.ts).
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

/** Does the value hold a NUL anywhere, in a key or a text? For ways in that answer one refusal rather than field by field. */
export function hasNulCharacter(value: unknown): boolean {
  return findNulCharacters(value).length > 0;
}
