import type { z } from "zod";
import { findNulCharacters } from "@/lib/nul-characters";
import { validationFailed, type Result } from "@/lib/result";
import { findUndeclaredFields, unwrapInput, type FieldIssue } from "./unknown-fields";

// How the dispatcher reads a request's parts against a route's schemas: the same rules for every
// route, so a route added later inherits them without a line of its own.

/**
 * Validates one part of the request (path parameters, query, body) field by field: NUL
 * characters, fields the schema does not declare (at any depth, see unknown-fields.ts) and the
 * schema's own rules, all reported together.
 */
export function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, extraIssues: FieldIssue[] = []): Result<T> {
  if (!schema) return { ok: true, value: undefined as T };
  const parsed = schema.safeParse(value);
  const issues = [
    ...extraIssues,
    ...findNulCharacters(value),
    ...findUndeclaredFields(schema, value),
    // Named per key by findUndeclaredFields already, with the key's own path.
    ...(parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code !== "unrecognized_keys")),
  ];
  if (issues.length > 0) return validationFailed(issues);
  return parsed.success ? { ok: true, value: parsed.data } : validationFailed(parsed.error.issues);
}

/** Does the route's query schema take a list for this parameter (`?status=a&status=b`)? */
function takesList(schema: z.ZodType, name: string): boolean {
  const shape = (unwrapInput(schema) as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape;
  const field = shape && Object.hasOwn(shape, name) ? shape[name] : undefined;
  return field !== undefined && (unwrapInput(field) as unknown as { _zod: { def: { type: string } } })._zod.def.type === "array";
}

/**
 * The query as the route's schema reads it. A parameter the schema declares as an array gets
 * every value (`style: form, explode: true`); any other parameter may be sent once, because
 * silently keeping one of two values hides a client's bug. A route without a query schema
 * takes no parameters at all.
 */
export function parseQuery<T>(schema: z.ZodType<T> | undefined, params: URLSearchParams): Result<T> {
  const names = [...new Set(params.keys())];
  if (!schema) {
    if (names.length === 0) return { ok: true, value: undefined as T };
    return validationFailed(names.map((name) => ({ path: [name], message: "Unknown parameter: this endpoint takes no query parameters" })));
  }
  const repeated: FieldIssue[] = [];
  const entries = names.map((name): [string, unknown] => {
    const values = params.getAll(name);
    if (takesList(schema, name)) return [name, values];
    if (values.length > 1) repeated.push({ path: [name], message: `Send ${name} once (it was sent ${values.length} times)` });
    return [name, values[0]];
  });
  return parseWith(schema, Object.fromEntries(entries), repeated);
}
