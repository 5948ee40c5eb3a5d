import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { createRetailWorkflow, createTestOrder } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { handleApiRequest } from "../dispatch";
import { expectMatchesContract, keyFor } from "../test-client";
import { moveOrder, orderlyClient } from "./example";

let handle: DbHandle;
let db: Db;
let flow: Awaited<ReturnType<typeof createRetailWorkflow>>;
let client: ReturnType<typeof orderlyClient>;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  flow = await createRetailWorkflow(db);
  // The README's client, with the real handler in place of the network; every answer is also held to the document.
  client = orderlyClient("https://sklep.example.com", await keyFor(db, "write"), async (request) => {
    const response = await handleApiRequest(db, request);
    const text = await response.clone().text();
    await expectMatchesContract(request.method, request.url, { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined });
    return response;
  });
});
afterAll(async () => {
  await handle?.close();
});

describe("the README's typed client example", () => {
  it("moves an order through the real API and reads the typed answer", async () => {
    const order = await createTestOrder(db, flow.type.code);
    expect(await moveOrder(client, order.number, flow.status.cancelled.code, order.version)).toEqual({ version: order.version + 1 });
  });

  it("gets a typed problem back on refusal", async () => {
    const order = await createTestOrder(db, flow.type.code);
    const stale = await moveOrder(client, order.number, flow.status.cancelled.code, order.version + 5);
    expect(stale).toMatchObject({ refused: { code: "version_conflict", currentVersion: order.version, expectedVersion: order.version + 5 } });
  });

  it("is quoted in README.md exactly as it runs here", () => {
    const source = readFileSync("lib/api/client/example.ts", "utf8");
    const example = source.slice(source.indexOf("// README-EXAMPLE-START\n") + "// README-EXAMPLE-START\n".length, source.indexOf("// README-EXAMPLE-END"));
    expect(readFileSync("README.md", "utf8")).toContain("```ts\n" + example + "```");
  });
});
