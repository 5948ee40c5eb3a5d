import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodObject, ZodType } from "zod";
import { API_ROUTES } from "@/lib/api/registry";
import { call, keyFor } from "@/lib/api/test-support";
import { env } from "@/lib/env";
import { openScratchDatabase, type ScratchDatabase } from "./support/database";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { hostileValue } from "./support/hostile";
import { createLoopingWorkflow, placeOrder } from "./support/workflow";

const RUNS_PER_ENDPOINT = 60;
const SEED = env().RELIABILITY_SEED ?? Date.now() % 100_000;

let database: ScratchDatabase;
let adminKey: string;
let orderNumber: string;
let statusCodes: string[];
beforeAll(async () => {
  database = await openScratchDatabase({ max: 4 });
  const wf = await createLoopingWorkflow(database.db);
  statusCodes = wf.all.map((s) => s.code);
  orderNumber = (await placeOrder(database.db, wf, { customer: { name: "Fuzz Target", email: "fuzz@example.com" } })).number;
  adminKey = await keyFor(database.db, "admin");
});
afterAll(async () => database?.close());

/** The field names a schema knows, so generated bodies reach deep validation, not only "not an object". */
function fieldsOf(schema: ZodType | undefined): string[] {
  const shape = (schema as ZodObject | undefined)?.shape as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

/** Names a client must never be able to smuggle in: Object.prototype's machinery. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/**
 * A body that is right at the top but carries an unknown or prototype key somewhere inside:
 * `{"customer": {"emial": ...}}`, `{"items": [{"__proto__": {...}}]}`. Written as JSON text,
 * because an object literal with "__proto__" would set a prototype instead of sending the key.
 */
function nestedUnknownArbitrary(fields: string[]) {
  const step = fc.oneof(
    fc.constantFrom(...fields, ...PROTOTYPE_KEYS).map((key) => (inner: string) => `{${JSON.stringify(key)}:${inner}}`),
    fc.constant((inner: string) => `[${inner}]`),
  );
  return fc
    .record({
      top: fc.dictionary(fc.constantFrom(...fields), fc.oneof(hostileValue(), fc.constantFrom(...statusCodes)), { maxKeys: fields.length }),
      field: fc.constantFrom(...fields),
      path: fc.array(step, { minLength: 0, maxLength: 3 }),
      key: fc.constantFrom("extra", "emial", "colour", ...PROTOTYPE_KEYS),
      value: hostileValue(),
    })
    .map(({ top, field, path, key, value }) => {
      const innermost = `{${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}}`;
      const nested = path.reduceRight((inner, wrap) => wrap(inner), innermost);
      const rest = JSON.stringify({ ...top, [field]: undefined }).slice(1);
      return { rawBody: `{${JSON.stringify(field)}:${nested}${rest === "}" ? "}" : `,${rest}`}`, headers: { "content-type": "application/json" } };
    });
}

function bodyArbitrary(schema: ZodType | undefined) {
  const fields = fieldsOf(schema);
  const shaped = fields.length
    ? fc.dictionary(fc.constantFrom(...fields, "extra"), fc.oneof(hostileValue(), fc.constantFrom(...statusCodes)), { maxKeys: fields.length + 1 })
    : fc.jsonValue();
  return fc.oneof(
    shaped.map((value) => ({ body: value })),
    nestedUnknownArbitrary(fields.length ? fields : ["data"]),
    fc.jsonValue().map((value) => ({ body: value })),
    fc.string().map((text) => ({ rawBody: text, headers: { "content-type": "application/json" } })),
    fc.string().map((text) => ({ rawBody: text, headers: { "content-type": "text/plain" } })),
  );
}

function paramArbitrary() {
  return fc.oneof(
    fc.constant(orderNumber),
    fc.string({ minLength: 1 }).map(encodeURIComponent),
    fc.constantFrom("ORD-0", "%2e%2e", "%", "%ZZ", "a%00b", "x".repeat(500)),
  );
}

/** Query pairs, names repeated and prototype names included: `?status=a&status=b&__proto__=x`. */
function queryArbitrary(schema: ZodType | undefined) {
  const names = [...fieldsOf(schema), "cursor", "limit", "status", ...PROTOTYPE_KEYS];
  const value = fc.oneof(fc.string(), fc.constantFrom("-1", "0", "1e9", "abc", ...statusCodes));
  const pairs = fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 4 });
  return fc.oneof(
    pairs,
    // The same parameter twice, with whatever else.
    fc.tuple(fc.constantFrom(...names), value, value, pairs).map(([name, a, b, rest]) => [[name, a], ...rest, [name, b]] as [string, string][]),
  );
}

describe(`bad input on every /api/v1 endpoint (${RUNS_PER_ENDPOINT} runs each, seed ${SEED})`, () => {
  for (const route of API_ROUTES) {
    it(`${route.method} ${route.path}: only 4xx for bad input (nested unknown and prototype keys, repeated parameters too), never a 500, and a refusal writes nothing`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(paramArbitrary(), queryArbitrary(route.query), bodyArbitrary(route.body), async (param, query, payload) => {
          const path = route.path.replace(/\{[^}]+\}/g, param);
          const search = new URLSearchParams(query).toString();
          const before = await databaseFingerprint(database.db);
          const response = await call(database.db, route.method, `${path}${search ? `?${search}` : ""}`, {
            key: adminKey,
            ...(route.method === "GET" ? {} : payload),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, JSON.stringify(response.json)).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type")).toBe("application/problem+json");
            expect(JSON.stringify(response.json)).not.toMatch(/at .*\.(ts|js):\d+/);
            expect(await databaseFingerprint(database.db)).toEqual(before);
          }
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: SEED },
      );
      console.log(`${route.method} ${route.path}`, JSON.stringify(Object.fromEntries(statuses)));
    });
  }
});
