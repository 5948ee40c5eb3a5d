import type { DbOrTx } from "@/db";
import type { ApiKeyScope } from "@/db/schema";
import { createApiKey } from "@/lib/integrations/api-keys";
import { handleApiRequest } from "./dispatch";
import type { ApiRateLimits } from "./rate-limit";
import { SYSTEM_AUDIT_ACTOR } from "@/lib/audit";
import type { ContractChecker } from "./contract";

// Kept apart from test-support.ts (which asserts with vitest) so scripts outside vitest, such as
// the Playwright fixtures' seeding, can drive the API the same way the tests do.
//
// Every answer `call` gets is checked against the published OpenAPI document (contract.ts) and
// a mismatch throws, so each API test is also a contract test: a route added tomorrow is covered
// by its own tests with no extra work. The check runs under vitest (VITEST is set), where the
// validator, an ES module, loads; a script outside it (Playwright's seeding, compiled to CommonJS)
// drives the API unchecked.

/** A fresh key of the given scope, returned as its secret. */
export async function keyFor(db: DbOrTx, scope: ApiKeyScope, name = `Test ${scope} key`): Promise<string> {
  const created = await createApiKey(db, { name, scope }, SYSTEM_AUDIT_ACTOR);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.secret;
}

type CallOptions = { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; limits?: ApiRateLimits };

let checker: Promise<ContractChecker> | undefined;

/** Throws when the response is not what the OpenAPI document says this request may get. */
export async function expectMatchesContract(method: string, path: string, response: ApiCallResult): Promise<void> {
  if (!process.env.VITEST) return;
  checker ??= import("./contract").then(({ ContractChecker }) => new ContractChecker());
  const mismatches = await (await checker).mismatches(method, path, response);
  if (mismatches.length > 0) throw new Error(`The response breaks the OpenAPI document:\n${mismatches.join("\n")}\nbody: ${JSON.stringify(response.json)?.slice(0, 500)}`);
}

/** Drives the API the way `next start` does: a Request in, a Response out, checked against the OpenAPI document. */
export async function call(db: DbOrTx, method: string, path: string, options: CallOptions = {}) {
  const response = await readApiResponse(await handleApiRequest(db, apiRequest("http://orderly.test", method, path, options), options.limits));
  await expectMatchesContract(method, path, response);
  return response;
}

/** The same call over real HTTP to a running server (`baseUrl` like `http://127.0.0.1:3600`). */
export async function callOverHttp(baseUrl: string, method: string, path: string, options: CallOptions = {}) {
  return readApiResponse(await fetch(apiRequest(baseUrl, method, path, options)));
}

function apiRequest(baseUrl: string, method: string, path: string, options: CallOptions): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization ??= `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(`${baseUrl}/api/v1${path}`, { method, headers, body });
}

async function readApiResponse(response: Response) {
  const text = await response.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary fields
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

export type ApiCallResult = Awaited<ReturnType<typeof readApiResponse>>;
