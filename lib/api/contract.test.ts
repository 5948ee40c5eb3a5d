import { describe, expect, it } from "vitest";
import { ContractChecker } from "./contract";
import { problemOf, PROBLEM_CONTENT_TYPE } from "./problem";

// The contract check must be able to fail: each wrong answer below is one a strict generated
// client would reject, and the checker (the OpenAPI 3.1 validator it wraps) must say so.

const checker = new ContractChecker();
const json = (status: number, body: unknown, type = "application/json; charset=utf-8", extra: Record<string, string> = {}) => ({
  status,
  headers: new Headers({ "content-type": type, ...extra }),
  json: body,
});
const orderType = { code: "retail", name: "Retail", initialStatus: "received", transitions: [["received", "paid"]] };
const status = {
  code: "received",
  name: "Received",
  customerLabel: null,
  description: "",
  colour: "#123456",
  group: { key: "new", name: "New", kind: "new" },
  position: 0,
  requiresPayment: false,
  allowCashOnDelivery: false,
  allowsEditing: false,
  awaitsPayment: false,
  slaHours: null,
  externalCodes: {},
  archived: false,
};

describe("the contract check (responses against the OpenAPI document)", () => {
  it("accepts answers the document describes", async () => {
    expect(await checker.mismatches("GET", "/api/v1/order-types", json(200, { data: [orderType] }))).toEqual([]);
    expect(await checker.mismatches("GET", "/api/v1/statuses", json(200, { data: [status] }))).toEqual([]);
    const missing = problemOf("not_found", "There is no order X.");
    expect(await checker.mismatches("GET", "/api/v1/orders/X", json(404, missing, PROBLEM_CONTENT_TYPE))).toEqual([]);
    const wrongMethod = problemOf("method_not_allowed", "DELETE is not supported here");
    expect(await checker.mismatches("DELETE", "/api/v1/orders/X", json(405, wrongMethod, PROBLEM_CONTENT_TYPE, { allow: "GET, PATCH" }))).toEqual([]);
  });

  it("refuses a body that breaks its schema: a wrong type, a member too many, a [from, to] pair of three", async () => {
    const [wrongType] = await checker.mismatches("GET", "/api/v1/order-types", json(200, { data: [{ ...orderType, name: 5 }] }));
    expect(wrongType).toContain("/data/0/name");
    const [extra] = await checker.mismatches("GET", "/api/v1/order-types", json(200, { data: [{ ...orderType, id: 7 }] }));
    expect(extra).toContain("additionalProperties");
    const [triple] = await checker.mismatches("GET", "/api/v1/order-types", json(200, { data: [{ ...orderType, transitions: [["a", "b", "c"]] }] }));
    expect(triple).toContain("maxItems");
  });

  it("speaks JSON Schema 2020-12 (OpenAPI 3.1): a null where `type: [string, null]` allows it, not a number", async () => {
    expect(await checker.mismatches("GET", "/api/v1/statuses", json(200, { data: [{ ...status, customerLabel: "Przyjęte" }] }))).toEqual([]);
    const [wrong] = await checker.mismatches("GET", "/api/v1/statuses", json(200, { data: [{ ...status, customerLabel: 5 }] }));
    expect(wrong).toContain("/data/0/customerLabel");
  });

  it("refuses an undocumented member on a problem, an undocumented status, a wrong content type and a 405 without Allow", async () => {
    const leaky = { ...problemOf("guard_failed", "Payment required", { reason: "payment_required" }), ok: false };
    expect((await checker.mismatches("POST", "/api/v1/orders/X/transitions", json(422, leaky, PROBLEM_CONTENT_TYPE)))[0]).toContain("additionalProperties");
    expect((await checker.mismatches("GET", "/api/v1/statuses", json(418, {})))[0]).toContain("not documented");
    expect((await checker.mismatches("GET", "/api/v1/statuses", json(200, { data: [] }, "text/plain")))[0]).toContain("content type");
    const noAllow = problemOf("method_not_allowed", "no");
    expect((await checker.mismatches("DELETE", "/api/v1/statuses", json(405, noAllow, PROBLEM_CONTENT_TYPE)))[0]).toContain("Allow");
    expect((await checker.mismatches("GET", "/api/v1/nowhere", json(200, {})))[0]).toContain("not in the document");
  });
});
