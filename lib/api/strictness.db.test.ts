import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { databaseFingerprint } from "@/tests/support/fingerprint";
import { openTestDb } from "@/tests/support/test-db";
import { call, expectProblem, keyFor } from "./test-support";

// Issue 19, point 2: what the API cannot use it refuses, at every depth, naming the field; a
// refusal writes nothing. (Every answer here is also checked against the OpenAPI document by `call`.)

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
let key: string;
let orderNumber: string;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
  key = await keyFor(db, "admin");
  orderNumber = (await createTestOrder(db, flow.type.code)).number;
});
afterAll(async () => {
  await handle?.close();
});

const newOrder = (overrides: Record<string, unknown> = {}) => ({
  orderTypeCode: flow.type.code,
  channel: "shop",
  customer: { name: "Jan Nowak", email: "jan@example.com" },
  items: [{ sku: "TEA-1", name: "Tea", quantity: 1, unitPrice: 1299 }],
  paymentMethod: "transfer",
  ...overrides,
});

/** The refusal's field paths, after checking it is a 422 that changed nothing. */
async function refusedFields(method: string, path: string, options: { body?: unknown; rawBody?: string } = {}) {
  const before = await databaseFingerprint(db);
  const res = await call(db, method, path, { key, ...options, ...(options.rawBody ? { headers: { "content-type": "application/json" } } : {}) });
  const problem = expectProblem(res, 422, "validation_failed");
  expect(await databaseFingerprint(db)).toEqual(before);
  return Object.keys(problem.errors ?? {}).sort();
}

describe("unknown fields are refused at every depth", () => {
  it("POST /orders: a misspelt customer, address or item field, not silently dropped", async () => {
    expect(await refusedFields("POST", "/orders", { body: newOrder({ customer: { name: "Jan", emial: "jan@example.com" } }) })).toEqual(["customer.emial"]);
    const address = { name: "Jan", street: "Długa 1", postalCode: "00-001", city: "Warszawa", country: "PL", flat: "4" };
    expect(await refusedFields("POST", "/orders", { body: newOrder({ shippingAddress: address }) })).toEqual(["shippingAddress.flat"]);
    expect(await refusedFields("POST", "/orders", { body: newOrder({ items: [{ sku: "A", name: "A", quantity: 1, unitPrice: 1, colour: "red" }] }) })).toEqual(["items.0.colour"]);
  });

  it("prototype keys (__proto__, constructor, prototype) anywhere in a body", async () => {
    expect(await refusedFields("POST", "/orders", { rawBody: JSON.stringify(newOrder()).replace('"channel"', '"__proto__":{"admin":true},"channel"') })).toEqual(["__proto__"]);
    expect(await refusedFields("POST", "/orders", { rawBody: JSON.stringify(newOrder()).replace('"name":"Jan Nowak"', '"name":"Jan Nowak","constructor":{"prototype":{}}') })).toEqual(["customer.constructor"]);
    const transition = { to: flow.status.new.code, notify: { email: true, prototype: true } };
    expect(await refusedFields("POST", `/orders/${orderNumber}/transitions`, { body: transition })).toEqual(["notify.prototype"]);
  });

  it("PUT /workflow: unknown keys at the top and inside, and prototype keys", async () => {
    const exported = (await call(db, "GET", "/workflow", { key })).json;
    expect(await refusedFields("PUT", "/workflow", { body: { ...exported, colour: "red" } })).toEqual(["colour"]);
    expect(await refusedFields("PUT", "/workflow", { rawBody: JSON.stringify(exported).replace('"format"', '"__proto__":{"polluted":1},"format"') })).toEqual(["__proto__"]);
    const statuses = [{ ...exported.statuses[0], hidden: true }, ...exported.statuses.slice(1)];
    expect(await refusedFields("PUT", "/workflow", { body: { ...exported, statuses } })).toEqual(["statuses.0.hidden"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("PATCH {} is refused, as the document says", async () => {
    expect(await refusedFields("PATCH", `/orders/${orderNumber}`, { body: {} })).toEqual([""]);
    expect(await refusedFields("PATCH", `/orders/${orderNumber}`, { body: { expectedVersion: 1 } })).toEqual([""]);
  });
});

describe("query parameters: unknown and repeated ones are refused, naming them", () => {
  it("a route without parameters refuses any, and a route with some refuses the others", async () => {
    expect(await refusedFields("GET", "/order-types?limit=1")).toEqual(["limit"]);
    expect(await refusedFields("GET", `/orders/${orderNumber}/events?limits=1`)).toEqual(["limits"]);
    expect(await refusedFields("GET", `/orders/${orderNumber}?expand=items`)).toEqual(["expand"]);
    expect(await refusedFields("GET", "/statuses?__proto__=x&constructor=y")).toEqual(["__proto__", "constructor"]);
  });

  it("a repeated single-valued parameter, instead of silently using the last (a list parameter takes them all)", async () => {
    const both = await call(db, "GET", `/orders?status=${flow.status.new.code}&status=${flow.status.cancelled.code}`, { key });
    expect(both.status).toBe(200);
    expect(await refusedFields("GET", "/orders?sort=created&sort=-updated")).toEqual(["sort"]);
    expect(await refusedFields("GET", `/orders?orderType=${flow.type.code}&orderType=${flow.type.code}`)).toEqual(["orderType"]);
    expect(await refusedFields("GET", "/orders?limit=1&limit=2&colour=red")).toEqual(["colour", "limit"]);
    expect(await refusedFields("PUT", "/workflow?confirmStranded=1&confirmStranded=1", { body: {} })).toContain("confirmStranded");
  });
});

describe("405", () => {
  it("answers a method a path does not take with Allow, as documented", async () => {
    const res = await call(db, "DELETE", `/orders/${orderNumber}`, { key });
    expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, PATCH");
  });
});
