import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { applyPreset, retailPreset, wholesalePreset } from "@/db/seed";
import { eq, inArray } from "drizzle-orm";
import { orders, transitions } from "@/db/schema";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { problemSchema } from "./schemas";
import { call, expectProblem, expectShape, keyFor } from "./test-support";

let source: DbHandle;
let target: DbHandle;
let sourceKey: string;
let targetKey: string;

beforeAll(async () => {
  [source, target] = await Promise.all([openTestDb(), openTestDb()]);
  await applyPreset(source.db, { preset: retailPreset, locale: "en", orderType: { code: "retail", name: "Retail" } });
  await applyPreset(source.db, { preset: wholesalePreset, locale: "pl", orderType: { code: "wholesale", name: "Hurt" } });
  sourceKey = await keyFor(source.db, "read");
  targetKey = await keyFor(target.db, "admin");
  // Two databases, each migrated, one with two presets: slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

const withoutStamp = ({ exportedAt: _at, ...doc }: Record<string, unknown>) => doc;

describe("GET and PUT /workflow", () => {
  it("round-trips: exported from one database, imported into an empty one, exported again the same", async () => {
    const exported = await call(source.db, "GET", "/workflow", { key: sourceKey });
    expect(exported.status).toBe(200);
    expect(exported.json.orderTypes.map((t: { code: string }) => t.code)).toEqual(["retail", "wholesale"]);

    const put = await call(target.db, "PUT", "/workflow", { key: targetKey, body: exported.json });
    expect(put.status).toBe(200);
    expect(put.json.applied).toBeTypeOf("object");

    const again = await call(target.db, "GET", "/workflow", { key: targetKey });
    expect(withoutStamp(again.json)).toEqual(withoutStamp(exported.json));

    const statuses = await call(target.db, "GET", "/statuses", { key: targetKey });
    expect(statuses.json.data.map((s: { code: string }) => s.code)).toEqual(exported.json.statuses.map((s: { code: string }) => s.code));
    const types = await call(target.db, "GET", "/order-types", { key: targetKey });
    expect(types.json.data[0]).toMatchObject({ code: "retail", transitions: exported.json.orderTypes[0].transitions });
  });

  it("refuses a broken document whole and changes nothing", async () => {
    const before = (await call(target.db, "GET", "/workflow", { key: targetKey })).json;
    const doc = structuredClone(before);
    doc.statuses[0].name = "Renamed by a broken import";
    doc.orderTypes[0].transitions.push([doc.statuses[0].code, "no_such_status"]);
    const problem = expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, body: doc }), 422, "validation_failed");
    expect(JSON.stringify(problem.errors)).toContain("no_such_status");
    expect(withoutStamp((await call(target.db, "GET", "/workflow", { key: targetKey })).json)).toEqual(withoutStamp(before));
  });

  it("refuses a document whose process the lint rejects, on its order type, and changes nothing", async () => {
    const before = (await call(target.db, "GET", "/workflow", { key: targetKey })).json;
    const doc = structuredClone(before);
    const retail = doc.orderTypes[0];
    const kindOf = (s: { group: string }) => doc.groups.find((g: { key: string }) => g.key === s.group).kind;
    const cancelled = doc.statuses.find((s: { group: string }) => kindOf(s) === "not_completed");
    const asksToPay = doc.statuses.find((s: { awaitsPayment: boolean }) => s.awaitsPayment);
    // "Please pay" after "cancelled" contradicts itself: a lint error (contradictory_path).
    retail.transitions.push([cancelled.code, asksToPay.code]);
    const problem = expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, body: doc }), 422, "validation_failed");
    expect(problem.errors["orderTypes.0"]).toEqual([expect.stringContaining(retail.name)]);
    expect(withoutStamp((await call(target.db, "GET", "/workflow", { key: targetKey })).json)).toEqual(withoutStamp(before));
  });

  it("refuses wrong types and malformed JSON with problems", async () => {
    expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, body: { format: "orderly.workflow", version: 1, groups: "none" } }), 422, "validation_failed");
    expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, body: "a string" }), 422, "validation_failed");
    expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, rawBody: "{]", headers: { "content-type": "application/json" } }), 400, "malformed_json");
  });
});

describe("PUT /workflow that would strand open orders", () => {
  it("answers 409 naming them by code, applies only with the current count confirmed", async () => {
    const w = await createRetailWorkflow(target.db);
    const placed = [await createTestOrder(target.db, w.type.code), await createTestOrder(target.db, w.type.code)];
    await target.db.update(orders).set({ statusId: w.status.shipped.id }).where(inArray(orders.id, placed.map((o) => o.id)));
    const doc = (await call(target.db, "GET", "/workflow", { key: targetKey })).json;
    const type = doc.orderTypes.find((t: { code: string }) => t.code === w.type.code);
    type.transitions = type.transitions.filter(([from]: [string]) => from !== w.status.shipped.code);
    const shippedRow = async () =>
      (await target.db.select().from(transitions).where(eq(transitions.fromStatusId, w.status.shipped.id))).length;

    const refused = expectProblem(await call(target.db, "PUT", "/workflow", { key: targetKey, body: doc }), 409, "would_strand_orders");
    expectShape(problemSchema, refused);
    expect(refused).toMatchObject({
      total: 2,
      stranded: [{ orderType: { code: w.type.code, name: "Retail" }, status: { code: w.status.shipped.code, name: "Shipped" }, orders: 2 }],
    });
    // Ids mean nothing outside the app.
    expect(JSON.stringify(refused.stranded)).not.toContain('"id"');
    expect(await shippedRow()).toBe(1);

    // A number the client was not shown is refused again, with the real one.
    expect(expectProblem(await call(target.db, "PUT", "/workflow?confirmStranded=1", { key: targetKey, body: doc }), 409, "would_strand_orders").total).toBe(2);
    expectProblem(await call(target.db, "PUT", "/workflow?confirmStranded=two", { key: targetKey, body: doc }), 422, "validation_failed");
    expect(await shippedRow()).toBe(1);

    const applied = await call(target.db, "PUT", "/workflow?confirmStranded=2", { key: targetKey, body: doc });
    expect(applied.status).toBe(200);
    expect(await shippedRow()).toBe(0);
  });

  it("documents the refusal and the confirmation in the OpenAPI document", async () => {
    const put = (await call(target.db, "GET", "/openapi.json")).json.paths["/workflow"].put;
    expect(put.responses["409"].description).toContain("would_strand_orders");
    expect(put.parameters.map((p: { name: string }) => p.name)).toContain("confirmStranded");
  });
});
