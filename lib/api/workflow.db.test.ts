import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { applyPreset, retailPreset, wholesalePreset } from "@/db/seed";
import { openTestDb } from "@/tests/support/test-db";
import { call, expectProblem, keyFor } from "./test-support";

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
