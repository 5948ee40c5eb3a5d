import type { z } from "zod";

/**
 * The API refuses what it would otherwise drop: a field no schema names, at any depth. zod's
 * plain `z.object` strips unknown keys silently, so `customer: { "emial": ... }` would lose the
 * email without a word; this walks the input beside the route's schema and names every key the
 * schema does not declare. An object schema counts as closed unless it says otherwise
 * (`z.looseObject`, a `catchall`, a `z.record`), so the services' schemas need no change and every
 * route, today's and tomorrow's, gets the rule from the dispatcher.
 *
 * Keys that name Object.prototype's machinery (`__proto__`, `constructor`, `prototype`) are refused
 * wherever they appear, even inside free-form maps: no client needs them and they are how
 * prototype pollution starts.
 */
export type FieldIssue = { path: PropertyKey[]; message: string };

export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const UNKNOWN = "Unknown field: not part of this request";
const PROTOTYPE = "This name is not allowed as a field";

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The schema a wrapper (optional, default, pipe, lazy ...) applies to its input. */
export function unwrapInput(schema: z.ZodType): z.ZodType {
  for (let current = schema, guard = 0; guard < 50; guard++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else if (def.type === "lazy" && def.getter) current = def.getter();
    else return current;
  }
  return schema;
}

function walk(schema: z.ZodType, value: unknown, path: PropertyKey[], issues: FieldIssue[]): void {
  const def = defOf(unwrapInput(schema));
  switch (def.type) {
    case "object": {
      if (!isPlainObject(value)) return;
      const open = def.catchall !== undefined && defOf(def.catchall).type !== "never";
      for (const [key, item] of Object.entries(value)) {
        const known = Object.hasOwn(def.shape ?? {}, key) ? def.shape![key] : undefined;
        if (known) walk(known, item, [...path, key], issues);
        else if (open) walk(def.catchall!, item, [...path, key], issues);
        else if (!PROTOTYPE_KEYS.has(key)) issues.push({ path: [...path, key], message: UNKNOWN });
      }
      return;
    }
    case "record":
      if (isPlainObject(value) && def.valueType) for (const [key, item] of Object.entries(value)) walk(def.valueType, item, [...path, key], issues);
      return;
    case "array":
      if (Array.isArray(value) && def.element) value.forEach((item, i) => walk(def.element!, item, [...path, i], issues));
      return;
    case "tuple":
      if (Array.isArray(value)) value.forEach((item, i) => {
        const itemSchema = def.items?.[i] ?? def.rest;
        if (itemSchema) walk(itemSchema, item, [...path, i], issues);
      });
      return;
    case "union": {
      // The option the value fits best speaks for it: a key unknown to every option is unknown.
      let best: FieldIssue[] | undefined;
      for (const option of def.options ?? []) {
        const found: FieldIssue[] = [];
        walk(option, value, path, found);
        if (!best || found.length < best.length) best = found;
        if (found.length === 0) break;
      }
      issues.push(...(best ?? []));
      return;
    }
    case "intersection": {
      const left: FieldIssue[] = [];
      const right: FieldIssue[] = [];
      walk(def.left!, value, path, left);
      walk(def.right!, value, path, right);
      const inRight = new Set(right.map((i) => i.path.join(".")));
      issues.push(...left.filter((i) => inRight.has(i.path.join("."))));
      return;
    }
    default:
      return;
  }
}

function findPrototypeKeys(value: unknown, path: PropertyKey[], issues: FieldIssue[]): void {
  if (Array.isArray(value)) value.forEach((item, i) => findPrototypeKeys(item, [...path, i], issues));
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key)) issues.push({ path: [...path, key], message: PROTOTYPE });
      else findPrototypeKeys(item, [...path, key], issues);
    }
  }
}

/** Every key of `value` that `schema` does not declare, and every prototype key, with its path. */
export function findUndeclaredFields(schema: z.ZodType, value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  findPrototypeKeys(value, [], issues);
  walk(schema, value, [], issues);
  return issues;
}
