import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createApiKey, revokeApiKey } from "@/lib/integrations/api-keys";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { handleApiRequest } from "./dispatch";
import { buildOpenApiDocument } from "./openapi";
import { API_ROUTES } from "./registry";
import { call, expectProblem, keyFor } from "./test-support";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
const keys = {} as Record<"read" | "write" | "admin", string>;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
  for (const scope of ["read", "write", "admin"] as const) keys[scope] = await keyFor(db, scope);
});
afterAll(async () => {
  await handle?.close();
});

describe("API authentication", () => {
  it("refuses a missing key with 401, WWW-Authenticate and a problem", async () => {
    const res = await call(db, "GET", "/statuses");
    expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="orderly"/);
  });

  it("refuses a wrong key, another scheme and a revoked key alike", async () => {
    expectProblem(await call(db, "GET", "/statuses", { key: "ok_notarealkey_0123456789abcdef" }), 401, "unauthorized");
    expectProblem(await call(db, "GET", "/statuses", { headers: { authorization: `Basic ${keys.read}` } }), 401, "unauthorized");
    const created = await createApiKey(db, { name: "Soon revoked", scope: "admin" }, SYSTEM_AUDIT_ACTOR);
    if (!created.ok) throw new Error("key");
    expect((await call(db, "GET", "/statuses", { key: created.value.secret })).status).toBe(200);
    await revokeApiKey(db, created.value.key.id, SYSTEM_AUDIT_ACTOR);
    const res = await call(db, "GET", "/statuses", { key: created.value.secret });
    expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("API scopes", () => {
  it("lets read keys read and nothing more", async () => {
    const order = await createTestOrder(db, flow.type.code);
    expect((await call(db, "GET", `/orders/${order.number}`, { key: keys.read })).status).toBe(200);
    const post = await call(db, "POST", `/orders/${order.number}/transitions`, { key: keys.read, body: { to: flow.status.cancelled.code } });
    expect(expectProblem(post, 403, "forbidden").detail).toContain('"write"');
    expectProblem(await call(db, "PATCH", `/orders/${order.number}`, { key: keys.read, body: { trackingNumber: "X1" } }), 403, "forbidden");
    expectProblem(await call(db, "PUT", "/workflow", { key: keys.read, body: {} }), 403, "forbidden");
  });

  it("lets write keys change orders but not the workflow", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const moved = await call(db, "POST", `/orders/${order.number}/transitions`, { key: keys.write, body: { to: flow.status.awaiting_payment.code } });
    expect(moved.status).toBe(200);
    expect((await call(db, "GET", "/workflow", { key: keys.write })).status).toBe(200);
    expectProblem(await call(db, "PUT", "/workflow", { key: keys.write, body: {} }), 403, "forbidden");
  });

  it("lets admin keys do everything, including PUT /workflow", async () => {
    const order = await createTestOrder(db, flow.type.code);
    expect((await call(db, "GET", "/statuses", { key: keys.admin })).status).toBe(200);
    expect((await call(db, "POST", `/orders/${order.number}/payments`, { key: keys.admin, body: { amount: 100 } })).status).toBe(200);
    const current = await call(db, "GET", "/workflow", { key: keys.admin });
    expect((await call(db, "PUT", "/workflow", { key: keys.admin, body: current.json })).status).toBe(200);
  });
});

describe("API routing and failures", () => {
  it("answers an unknown endpoint with 404 and a wrong method with 405 and Allow", async () => {
    expectProblem(await call(db, "GET", "/nothing-here", { key: keys.read }), 404, "not_found");
    const res = await call(db, "DELETE", "/orders/ORD-1", { key: keys.admin });
    expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, PATCH");
  });

  it("answers an internal failure with a 500 problem that shows no internals", async () => {
    const broken = new Proxy({} as Db, {
      get() {
        throw new Error("connection refused at db/index.ts:42 secret=hunter2");
      },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const response = await handleApiRequest(broken, new Request("http://x/api/v1/statuses", { headers: { authorization: `Bearer ${keys.read}` } }));
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ code: "internal_error", status: 500 });
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("index.ts");
    } finally {
      console.error = original;
    }
  });

  it("serves the OpenAPI document without a key, listing exactly the served routes", async () => {
    const res = await call(db, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const documented = Object.entries(res.json.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const transition = buildOpenApiDocument().paths["/orders/{number}/transitions"]!.post as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(Object.keys(transition.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409", "415", "422", "500"]));
    expect(transition.requestBody.content["application/json"].schema.required).toEqual(["to"]);
    expect(transition.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
  });
});
