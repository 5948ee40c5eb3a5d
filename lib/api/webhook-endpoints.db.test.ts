import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, outbox, webhookAttempts, webhookEndpoints } from "@/db/schema";
import { transitionOrder } from "@/lib/orders";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { call, expectProblem, expectShape, keyFor } from "./test-support";
import {
  apiWebhookDeliverySchema,
  apiWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
  webhookEndpointWithSecretSchema,
} from "./webhook-schemas";

let handle: DbHandle;
let db: Db;
let admin: string;
let write: string;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  admin = await keyFor(db, "admin", "Ops robot");
  write = await keyFor(db, "write", "ERP");
});
afterAll(async () => handle?.close());

const auditOf = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.kind, "webhook_endpoint"), eq(auditLog.subjectId, String(id))))
    .orderBy(auditLog.id);

let serial = 0;
async function created(body: Record<string, unknown> = {}) {
  const res = await call(db, "POST", "/webhook-endpoints", {
    key: admin,
    body: { url: `https://erp${++serial}.example.com/hooks`, eventTypes: ["order.status_changed"], ...body },
  });
  expect(res.status).toBe(201);
  return res.json as { id: number; secret: string; url: string };
}

describe("webhook endpoints by API", () => {
  it("creates an endpoint through the screen's service: the secret once, the audit entry under the key's name", async () => {
    const res = await call(db, "POST", "/webhook-endpoints", {
      key: admin,
      body: { url: "https://erp.example.com/orderly", description: "ERP sync", eventTypes: ["order.created", "order.status_changed", "order.created"] },
    });
    expect(res.status).toBe(201);
    expectShape(webhookEndpointWithSecretSchema, res.json);
    expect(res.json).toMatchObject({ url: "https://erp.example.com/orderly", description: "ERP sync", eventTypes: ["order.created", "order.status_changed"], enabled: true });
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, res.json.id));
    expect(res.json.secret).toBe(row!.secret);
    expect(res.json.secret).toMatch(/^whsec_/);
    const audit = await auditOf(res.json.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "created", actorType: "api", actorLabel: "Ops robot" });
    expect(JSON.stringify(audit[0])).not.toContain(row!.secret);
  });

  it("never shows the secret when listing or reading", async () => {
    const endpoint = await created();
    const list = await call(db, "GET", "/webhook-endpoints", { key: admin });
    expect(list.status).toBe(200);
    expectShape(webhookEndpointListSchema, list.json);
    expect(list.json.data.map((e: { id: number }) => e.id)).toContain(endpoint.id);
    const one = await call(db, "GET", `/webhook-endpoints/${endpoint.id}`, { key: admin });
    expect(one.status).toBe(200);
    expectShape(apiWebhookEndpointSchema, one.json);
    for (const body of [list.json, one.json]) {
      expect(JSON.stringify(body)).not.toContain(endpoint.secret);
      expect(JSON.stringify(body)).not.toContain("whsec_");
    }
    expect(one.json).not.toHaveProperty("secret");
  });

  it("refuses what the admin screen refuses, field by field, and writes nothing", async () => {
    const before = await db.select().from(webhookEndpoints);
    const cases = [
      [{ url: "http://10.0.0.5/hooks", eventTypes: ["order.created"] }, "url"],
      [{ url: "https://localhost/hooks", eventTypes: ["order.created"] }, "url"],
      [{ url: "not an address", eventTypes: ["order.created"] }, "url"],
      [{ url: "https://erp.example.com/x", eventTypes: [] }, "eventTypes"],
      [{ url: "https://erp.example.com/x", eventTypes: ["order.shipped"] }, "eventTypes.0"],
      [{ url: "https://erp.example.com/x", eventTypes: ["order.created"], secret: "whsec_mine" }, ""],
    ] as const;
    for (const [body, field] of cases) {
      const problem = expectProblem(await call(db, "POST", "/webhook-endpoints", { key: admin, body }), 422, "validation_failed");
      if (field) expect(Object.keys(problem.errors)).toContain(field);
    }
    expect(await db.select().from(webhookEndpoints)).toHaveLength(before.length);
  });

  it("needs an admin key", async () => {
    expectProblem(await call(db, "GET", "/webhook-endpoints", { key: write }), 403, "forbidden");
    expectProblem(await call(db, "POST", "/webhook-endpoints", { key: write, body: { url: "https://a.example.com", eventTypes: ["order.created"] } }), 403, "forbidden");
    expectProblem(await call(db, "DELETE", "/webhook-endpoints/1", { key: write }), 403, "forbidden");
  });

  it("answers 404 for an endpoint that does not exist or an id that is not one", async () => {
    for (const id of ["999999", "abc", "0", "99999999999", "1.5"]) {
      expectProblem(await call(db, "GET", `/webhook-endpoints/${id}`, { key: admin }), 404, "not_found");
      expectProblem(await call(db, "PATCH", `/webhook-endpoints/${id}`, { key: admin, body: { enabled: false } }), 404, "not_found");
      expectProblem(await call(db, "DELETE", `/webhook-endpoints/${id}`, { key: admin }), 404, "not_found");
      expectProblem(await call(db, "POST", `/webhook-endpoints/${id}/rotate-secret`, { key: admin }), 404, "not_found");
      expectProblem(await call(db, "GET", `/webhook-endpoints/${id}/deliveries`, { key: admin }), 404, "not_found");
      expectProblem(await call(db, "POST", `/webhook-endpoints/${id}/deliveries/1/resend`, { key: admin }), 404, "not_found");
    }
  });

  it("changes only the fields sent, audited, and keeps the rest", async () => {
    const endpoint = await created({ description: "Before" });
    const res = await call(db, "PATCH", `/webhook-endpoints/${endpoint.id}`, { key: admin, body: { eventTypes: ["order.created", "order.payment_recorded"] } });
    expect(res.status).toBe(200);
    expectShape(apiWebhookEndpointSchema, res.json);
    expect(res.json).toMatchObject({ url: endpoint.url, description: "Before", eventTypes: ["order.created", "order.payment_recorded"], enabled: true });
    expect(res.json).not.toHaveProperty("secret");
    const audit = await auditOf(endpoint.id);
    expect(audit.map((a) => a.action)).toEqual(["created", "updated"]);
    expect(audit[1]).toMatchObject({ actorType: "api", actorLabel: "Ops robot", before: { eventTypes: ["order.status_changed"] } });

    expectProblem(await call(db, "PATCH", `/webhook-endpoints/${endpoint.id}`, { key: admin, body: {} }), 422, "validation_failed");
    const refused = expectProblem(
      await call(db, "PATCH", `/webhook-endpoints/${endpoint.id}`, { key: admin, body: { url: "http://192.168.1.10/hooks", enabled: false } }),
      422,
      "validation_failed",
    );
    expect(Object.keys(refused.errors)).toEqual(["url"]);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ url: endpoint.url, enabled: true });
    expect(await auditOf(endpoint.id)).toHaveLength(2);
  });

  it("pauses and resumes an endpoint with enabled, as the screen's switch does", async () => {
    const endpoint = await created();
    await db.update(webhookEndpoints).set({ consecutiveFailures: 7 }).where(eq(webhookEndpoints.id, endpoint.id));
    const off = await call(db, "PATCH", `/webhook-endpoints/${endpoint.id}`, { key: admin, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ enabled: false, disabledReason: null, disabledAt: expect.any(String) });
    const on = await call(db, "PATCH", `/webhook-endpoints/${endpoint.id}`, { key: admin, body: { enabled: true, description: "Back" } });
    expect(on.json).toMatchObject({ enabled: true, description: "Back", consecutiveFailures: 0, disabledAt: null });
    expect((await auditOf(endpoint.id)).map((a) => a.action)).toEqual(["created", "disabled", "updated", "enabled"]);
  });

  it("rotates the secret: the new one in the answer only, the audit entry without it", async () => {
    const endpoint = await created();
    const res = await call(db, "POST", `/webhook-endpoints/${endpoint.id}/rotate-secret`, { key: admin });
    expect(res.status).toBe(200);
    expectShape(webhookEndpointWithSecretSchema, res.json);
    expect(res.json.secret).not.toBe(endpoint.secret);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.secret).toBe(res.json.secret);
    const audit = await auditOf(endpoint.id);
    expect(audit.map((a) => a.action)).toEqual(["created", "secret_rotated"]);
    expect(JSON.stringify(audit)).not.toContain(res.json.secret);
    const again = await call(db, "GET", `/webhook-endpoints/${endpoint.id}`, { key: admin });
    expect(JSON.stringify(again.json)).not.toContain(res.json.secret);
  });

  it("deletes an endpoint with its deliveries, audited; a second delete is 404", async () => {
    const endpoint = await created();
    await db.insert(outbox).values({ kind: "webhook", webhookEndpointId: endpoint.id, recipient: endpoint.url, payload: { type: "webhook.test" }, idempotencyKey: `del-${endpoint.id}` });
    const res = await call(db, "DELETE", `/webhook-endpoints/${endpoint.id}`, { key: admin });
    expect(res.status).toBe(200);
    expectShape(deletedWebhookEndpointSchema, res.json);
    expect(res.json).toEqual({ id: endpoint.id, deleted: true });
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id))).toHaveLength(0);
    expect(await db.select().from(outbox).where(eq(outbox.webhookEndpointId, endpoint.id))).toHaveLength(0);
    expect((await auditOf(endpoint.id)).map((a) => [a.action, a.actorLabel])).toEqual([
      ["created", "Ops robot"],
      ["deleted", "Ops robot"],
    ]);
    expectProblem(await call(db, "DELETE", `/webhook-endpoints/${endpoint.id}`, { key: admin }), 404, "not_found");
  });

  it("lists deliveries newest first, a page at a time, and resends one into the queue", async () => {
    const endpoint = await created();
    const flow = await createRetailWorkflow(db);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await createTestOrder(db, flow.type.code);
      const moved = await transitionOrder(db, { orderId: order.id, to: { id: flow.status.awaiting_payment.id }, actor: { type: "system", label: "Test" } });
      if (!moved.ok) throw new Error(moved.error.message);
      numbers.push(order.number);
    }
    const rows = await db.select().from(outbox).where(eq(outbox.webhookEndpointId, endpoint.id)).orderBy(outbox.id);
    expect(rows).toHaveLength(3);
    // The oldest went out and failed for good after one attempt.
    const dead = rows[0]!;
    await db.update(outbox).set({ state: "dead", attempts: 1, lastError: "HTTP 500" }).where(eq(outbox.id, dead.id));
    await db.insert(webhookAttempts).values({ outboxId: dead.id, endpointId: endpoint.id, responseStatus: 500, error: null, durationMs: 12 });

    const first = await call(db, "GET", `/webhook-endpoints/${endpoint.id}/deliveries?limit=2`, { key: admin });
    expect(first.status).toBe(200);
    expectShape(webhookDeliveryPageSchema, first.json);
    expect(first.json.data.map((d: { id: number }) => d.id)).toEqual([rows[2]!.id, rows[1]!.id]);
    expect(first.json.data[0]).toMatchObject({ type: "order.status_changed", orderNumber: numbers[2], state: "pending", webhookId: rows[2]!.idempotencyKey });
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(db, "GET", `/webhook-endpoints/${endpoint.id}/deliveries?limit=2&cursor=${first.json.nextCursor}`, { key: admin });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.data[0]).toMatchObject({ id: dead.id, state: "dead", attempts: 1, attemptLog: [{ responseStatus: 500, durationMs: 12 }] });
    expect(second.json.nextCursor).toBeNull();
    expectProblem(await call(db, "GET", `/webhook-endpoints/${endpoint.id}/deliveries?cursor=nonsense`, { key: admin }), 422, "validation_failed");
    expectProblem(await call(db, "GET", `/webhook-endpoints/${endpoint.id}/deliveries?limit=101`, { key: admin }), 422, "validation_failed");

    const resent = await call(db, "POST", `/webhook-endpoints/${endpoint.id}/deliveries/${dead.id}/resend`, { key: admin });
    expect(resent.status).toBe(200);
    expectShape(apiWebhookDeliverySchema, resent.json);
    expect(resent.json).toMatchObject({ id: dead.id, state: "pending", attempts: 0, lastError: null, webhookId: dead.idempotencyKey });
    const [queued] = await db.select().from(outbox).where(eq(outbox.id, dead.id));
    expect(queued).toMatchObject({ state: "pending", attempts: 0, payload: dead.payload });
    expect(queued!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    // Queued already, or another endpoint's: nothing to resend.
    expectProblem(await call(db, "POST", `/webhook-endpoints/${endpoint.id}/deliveries/${dead.id}/resend`, { key: admin }), 404, "not_found");
    const other = await created();
    await db.update(outbox).set({ state: "sent" }).where(eq(outbox.id, rows[1]!.id));
    expectProblem(await call(db, "POST", `/webhook-endpoints/${other.id}/deliveries/${rows[1]!.id}/resend`, { key: admin }), 404, "not_found");
    expectProblem(await call(db, "POST", `/webhook-endpoints/${endpoint.id}/deliveries/abc/resend`, { key: admin }), 404, "not_found");
  });

  it("documents every operation in the OpenAPI document, DELETE included", async () => {
    const doc = (await call(db, "GET", "/openapi.json")).json;
    expect(Object.keys(doc.paths["/webhook-endpoints/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
    expect(doc.paths["/webhook-endpoints/{id}"].delete["x-scope"]).toBe("admin");
    expect(Object.keys(doc.paths["/webhook-endpoints/{id}"].delete.responses)).toEqual(expect.arrayContaining(["200", "404"]));
    expect(doc.paths["/webhook-endpoints/{id}/deliveries/{deliveryId}/resend"].post.parameters.map((p: { name: string }) => p.name)).toEqual(["id", "deliveryId", "Idempotency-Key"]);
  });
});
