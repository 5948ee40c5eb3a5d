import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseQuery, parseWith } from "./request-parts";

const query = z.strictObject({
  status: z.array(z.string()).optional(),
  limit: z.coerce.number().int().optional(),
});
const errorsOf = (result: { ok: boolean; error?: { fieldErrors?: Record<string, string[]> } }) => Object.keys(result.error?.fieldErrors ?? {}).sort();

describe("query parameters", () => {
  it("passes every value of a parameter the schema declares as a list", () => {
    expect(parseQuery(query, new URLSearchParams("status=a&status=b&limit=5"))).toEqual({ ok: true, value: { status: ["a", "b"], limit: 5 } });
    expect(parseQuery(query, new URLSearchParams("status=a"))).toEqual({ ok: true, value: { status: ["a"] } });
  });

  it("refuses a repeated single-valued parameter, an unknown one and a prototype name, naming each", () => {
    const result = parseQuery(query, new URLSearchParams("limit=1&limit=2&lmit=3&__proto__=x&constructor=y"));
    expect(result.ok).toBe(false);
    expect(errorsOf(result as never)).toEqual(["__proto__", "constructor", "limit", "lmit"]);
  });

  it("a route without a query schema takes no parameters at all", () => {
    expect(parseQuery(undefined, new URLSearchParams(""))).toEqual({ ok: true, value: undefined });
    expect(errorsOf(parseQuery(undefined, new URLSearchParams("limit=1")) as never)).toEqual(["limit"]);
  });
});

describe("bodies: unknown fields at every depth", () => {
  const body = z.object({
    customer: z.object({ name: z.string(), email: z.string().optional() }),
    items: z.array(z.object({ sku: z.string() })).optional(),
    notify: z.object({ email: z.boolean() }).optional(),
    codes: z.record(z.string(), z.string()).optional(),
    pairs: z.array(z.tuple([z.string(), z.string()])).optional(),
    to: z.union([z.object({ id: z.number() }), z.object({ code: z.string() })]).optional(),
    meta: z.looseObject({}).optional(),
  });

  it("names each undeclared key by its path, where zod alone would drop it", () => {
    const result = parseWith(body, {
      customer: { name: "A", emial: "a@example.com" },
      items: [{ sku: "X", colour: "red" }],
      notify: { email: true, sms: true },
      to: { code: "paid", extra: 1 },
    });
    expect(errorsOf(result as never)).toEqual(["customer.emial", "items.0.colour", "notify.sms", "to.extra"]);
  });

  it("refuses prototype keys anywhere, even in free-form maps; leaves maps and loose objects open otherwise", () => {
    const parsed = JSON.parse('{"customer":{"name":"A","__proto__":{"admin":true}},"codes":{"constructor":"x","allegro":"SENT"},"meta":{"prototype":1}}');
    expect(errorsOf(parseWith(body, parsed) as never)).toEqual(["codes.constructor", "customer.__proto__", "meta.prototype"]);
    expect(parseWith(body, { customer: { name: "A" }, codes: { allegro: "SENT" }, meta: { anything: 1 }, pairs: [["a", "b"]], to: { id: 1 } }).ok).toBe(true);
  });
});
