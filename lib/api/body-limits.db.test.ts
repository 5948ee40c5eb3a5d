import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { orders } from "@/db/schema";
import { BODY_LIMITS, MAX_JSON_DEPTH } from "@/lib/http/body-limits";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { handleApiRequest } from "./dispatch";
import { call, expectProblem, keyFor } from "./test-support";

let handle: DbHandle;
let db: Db;
let key: string;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await createRetailWorkflow(db);
  key = await keyFor(db, "write");
});
afterAll(async () => {
  await handle?.close();
});

const FIFTY_MB = 50 * 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body that would yield `total` bytes of JSON-ish filler, counting what the server pulled. */
function countingStream(total: number) {
  const seen = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.bytes >= total) return controller.close();
        const chunk = new Uint8Array(CHUNK).fill(0x20); // spaces: valid JSON whitespace
        seen.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await handleApiRequest(
    db,
    new Request("http://orderly.test/api/v1/orders", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

async function orderCount() {
  const [row] = await db.select({ n: count() }).from(orders);
  return row!.n;
}

describe("request bodies are bounded before they are read", () => {
  it("refuses a body announced as 50 MB with 413 without reading any of it", async () => {
    const { stream, seen } = countingStream(FIFTY_MB);
    const res = await post(stream, { "content-length": String(FIFTY_MB) });
    expectProblem(res, 413, "payload_too_large");
    expect(res.json).toMatchObject({ limit: BODY_LIMITS.api, detail: expect.stringContaining("1 MB") });
    expect(seen.bytes).toBe(0);
  });

  it("stops reading a chunked 50 MB body just past the limit and answers 413", async () => {
    const before = await orderCount();
    const { stream, seen } = countingStream(FIFTY_MB);
    const res = await post(stream);
    expectProblem(res, 413, "payload_too_large");
    expect(seen.bytes).toBeGreaterThan(BODY_LIMITS.api);
    expect(seen.bytes).toBeLessThanOrEqual(BODY_LIMITS.api + 2 * CHUNK);
    expect(await orderCount()).toBe(before);
  });

  it("still reads a body of exactly the limit", async () => {
    const json = JSON.stringify({ channel: "shop" });
    const res = await post(json + " ".repeat(BODY_LIMITS.api - json.length));
    expect(res.json.code).toBe("validation_failed"); // read, parsed and checked field by field
  });
});

describe("deeply nested JSON is refused, never a 500", () => {
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

  it.each([MAX_JSON_DEPTH + 1, 1_700, 100_000])("%i levels: 400 nesting_too_deep", async (depth) => {
    const res = await call(db, "POST", "/orders", { key, rawBody: nested(depth), headers: { "content-type": "application/json" } });
    expectProblem(res, 400, "nesting_too_deep");
    expect(res.json).toMatchObject({ maxDepth: MAX_JSON_DEPTH });
  });

  it("objects nested as deep as an attacker likes, inside a real field, too", async () => {
    const deep = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
    const res = await call(db, "POST", "/orders", { key, rawBody: `{"channel":"shop","items":${deep}}`, headers: { "content-type": "application/json" } });
    expectProblem(res, 400, "nesting_too_deep");
  });

  it(`${MAX_JSON_DEPTH} levels are still read and checked by the schema`, async () => {
    const res = await call(db, "POST", "/orders", { key, rawBody: nested(MAX_JSON_DEPTH), headers: { "content-type": "application/json" } });
    expectProblem(res, 422, "validation_failed");
  });
});
