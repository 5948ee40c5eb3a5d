import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { settings } from "@/db/schema";
import { getSettings } from "@/lib/settings";
import { openTestDb } from "@/tests/support/test-db";
import { call } from "./test-support";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe("GET /api/v1/openapi.json", () => {
  it("names the shop's configured address as the absolute server, for tools that call from the document", async () => {
    await getSettings(handle.db); // the row exists from the first read on
    await handle.db.update(settings).set({ appUrl: "https://sklep.example.com/" });
    const served = await call(handle.db, "GET", "/openapi.json");
    expect(served.status).toBe(200);
    expect(served.json.servers).toEqual([{ url: "https://sklep.example.com/api/v1", description: "This shop" }]);
    expect(served.json.components.schemas.Order).toBeDefined();
  });
});
