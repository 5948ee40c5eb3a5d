import { afterAll, beforeAll, expect } from "vitest";
import type { z } from "zod";
import type { Db } from "@/db";
import { createRetailWorkflow } from "@/tests/support/fixtures";
import { openTestDb } from "@/tests/support/test-db";
import { keyFor, type ApiCallResult } from "./test-client";

export { call, callOverHttp, keyFor } from "./test-client";

/** Asserts an RFC 9457 answer with the given status and code, and returns its body. */
export function expectProblem(res: ApiCallResult, status: number, code: string) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.json).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
  expect(res.status).toBe(status);
  expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  return res.json;
}

/** The documented response schema must accept what the endpoint really sent. */
export function expectShape(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`response does not match its documented schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
}

export type RetailApiShop = { db: Db; flow: Awaited<ReturnType<typeof createRetailWorkflow>>; key: string };

/**
 * The set-up most API test files share: before their tests a fresh database with the retail
 * workflow and a `write` key named `keyName`, handed to `use`; closed after them.
 */
export function onRetailApiShop(keyName: string, use: (shop: RetailApiShop) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const handle = await openTestDb();
    close = handle.close;
    const flow = await createRetailWorkflow(handle.db);
    use({ db: handle.db, flow, key: await keyFor(handle.db, "write", keyName) });
  });
  afterAll(async () => close?.());
}
