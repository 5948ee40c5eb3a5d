import { expect } from "vitest";
import type { z } from "zod";
import type { ApiCallResult } from "./test-client";

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
