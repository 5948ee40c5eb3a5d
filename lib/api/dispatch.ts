import type { DbOrTx } from "@/db";
import { scopeAllows, type ApiKeySummary } from "@/lib/integrations/api-keys";
import { IDEMPOTENCY_KEY_PATTERN, runIdempotent, runIdempotentInSteps, type IdempotentRequest, type StoredResponse } from "@/lib/integrations/idempotency";
import { isNumberOutOfRange, NUMBER_OUT_OF_RANGE_MESSAGE } from "@/lib/numbers-out-of-range";
import type { Result } from "@/lib/result";
import { getSettings } from "@/lib/settings";
import { buildOpenApiDocument } from "./openapi";
import { problemFromRefusal, problemOf, problemResponse, type Problem } from "./problem";
import { apiRateLimits, API_RATE_POLICIES, authenticateAndCount, rateLimitHeaders, secondsUntilReset, type ApiRateLimits } from "./rate-limit";
import { API_ROUTES } from "./registry";
import type { ApiRoute } from "./route";
import { parseQuery, parseWith } from "./request-parts";
import { readJson } from "./read-json";
import { clientAddressOf } from "@/lib/client-address";
import type { RateLimitCount, RateLimiter } from "@/lib/rate-limit";

export const API_BASE = "/api/v1";

type Match = { route: ApiRoute; params: Record<string, string> };

/** The path parameters when `path` fits the route template `template`, else undefined. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith("{") && part.endsWith("}")) {
      if (!got[i]) return undefined;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(got[i]!);
      } catch {
        return undefined;
      }
    } else if (part !== got[i]) return undefined;
  }
  return params;
}

function findRoute(method: string, path: string): Match | { allow: string[] } | undefined {
  const allow: string[] = [];
  for (const route of API_ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allow.push(route.method);
  }
  return allow.length > 0 ? { allow } : undefined;
}

function json(response: StoredResponse, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** A service result as the status and body the client gets (and a retry gets back). */
function toStored(result: Result<unknown>, route: ApiRoute): StoredResponse {
  if (result.ok) return { status: route.response.status, body: result.value };
  const problem = problemFromRefusal(result.error);
  return { status: problem.status, body: problem };
}

function send(stored: StoredResponse, headers: Record<string, string> = {}): Response {
  if (stored.status >= 400) return problemResponse(stored.body as Problem, headers);
  return json(stored, headers);
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** 429 past a limit: the problem carries the window, `Retry-After` says when to come back. */
function rateLimited(limiter: RateLimiter, count: RateLimitCount, what: string): Problem {
  const retryAfter = secondsUntilReset(count);
  return problemOf("rate_limited", `${what} Try again in ${retryAfter} s.`, {
    limit: limiter.limit,
    windowSeconds: Math.round(limiter.windowMs / 1000),
    retryAfter,
  });
}

/** Every answer after the count carries the key's budget (`RateLimit`, `RateLimit-Policy`). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function handleMatched(db: DbOrTx, request: Request, match: Match, path: string, limits: ApiRateLimits): Promise<Response> {
  const token = bearerToken(request);
  if (!token) {
    return problemResponse(problemOf("unauthorized", 'Send your API key as "Authorization: Bearer <key>".'), {
      "www-authenticate": 'Bearer realm="orderly"',
    });
  }
  const auth = await authenticateAndCount(db, token, limits.perKey);
  if (!auth.ok) {
    // Wrong keys are counted per client address, so guessing costs a window per few tries.
    const failed = await limits.failedAuth.count(db, clientAddressOf(request.headers));
    const headers = rateLimitHeaders(API_RATE_POLICIES.failedAuth, limits.failedAuth, failed);
    if (!failed.allowed) return problemResponse(rateLimited(limits.failedAuth, failed, "Too many requests with a wrong API key from this address."), headers);
    return problemResponse(problemFromRefusal(auth.error), headers);
  }
  const { key, count: counted } = auth;
  const headers = rateLimitHeaders(API_RATE_POLICIES.perKey, limits.perKey, counted);
  if (!counted.allowed) return problemResponse(rateLimited(limits.perKey, counted, "This API key has made all the requests its window allows."), headers);
  try {
    return withHeaders(await handleAuthenticated(db, request, match, path, key), headers);
  } catch (error) {
    return withHeaders(unexpected(error, request), headers);
  }
}

async function handleAuthenticated(db: DbOrTx, request: Request, { route, params: rawParams }: Match, path: string, key: ApiKeySummary): Promise<Response> {
  if (!scopeAllows(key.scope, route.scope)) {
    return problemResponse(
      problemOf("forbidden", `This endpoint needs a key with the "${route.scope}" scope; this key has "${key.scope}".`, {
        requiredScope: route.scope,
      }),
    );
  }

  const params = parseWith(route.params, rawParams);
  if (!params.ok) return send(toStored(params, route));
  const url = new URL(request.url);
  const query = parseQuery(route.query, url.searchParams);
  if (!query.ok) return send(toStored(query, route));

  let rawBody: unknown;
  if (route.body) {
    const read = await readJson(request);
    if (!read.ok) return problemResponse(read.problem);
    rawBody = read.value;
  }
  const body = parseWith(route.body, rawBody);
  if (!body.ok) return send(toStored(body, route));

  const actor = { type: "api" as const, id: String(key.id), label: key.name };
  const perform = async (handleDb: DbOrTx) =>
    toStored(await route.handle({ db: handleDb, key, actor, params: params.value, query: query.value, body: body.value }), route);

  const idempotencyKey = request.headers.get("idempotency-key");
  if (route.method !== "POST" || idempotencyKey === null) return send(await perform(db));
  if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    return problemResponse(
      problemOf("validation_failed", "The Idempotency-Key header must be 1 to 255 printable ASCII characters, e.g. a UUID.", {
        errors: { "Idempotency-Key": ["Use 1 to 255 printable ASCII characters"] },
      }),
    );
  }
  const idempotent: IdempotentRequest = { apiKeyId: key.id, key: idempotencyKey, method: route.method, path, body: rawBody };
  const outcome =
    route.transactions === "own"
      ? await runIdempotentInSteps(db, idempotent, () => perform(db))
      : await runIdempotent(db, idempotent, (tx) => perform(tx));
  if (outcome.kind === "conflict") {
    return problemResponse(
      problemOf("idempotency_conflict", "This Idempotency-Key was already used for a different request. Use a new key for a new request."),
    );
  }
  if (outcome.kind === "in_progress") {
    return problemResponse(
      problemOf("idempotency_in_progress", "A request with this Idempotency-Key is still being processed. Retry in a few seconds to get its answer."),
      { "retry-after": "2" },
    );
  }
  return send(outcome.response, outcome.kind === "replayed" ? { "idempotent-replayed": "true" } : {});
}

/**
 * Anything unexpected is logged and answered as a 500 problem without internals. A number past
 * what its column holds (an id, an amount) is the client's mistake, not ours; the failed statement
 * rolled its transaction back, so nothing was written.
 */
function unexpected(error: unknown, request: Request): Response {
  if (isNumberOutOfRange(error)) return problemResponse(problemOf("validation_failed", NUMBER_OUT_OF_RANGE_MESSAGE));
  console.error(`API ${request.method} ${new URL(request.url).pathname} failed`, error);
  return problemResponse(problemOf("internal_error", "Something went wrong on our side. The request changed nothing; try again later."));
}

/**
 * The whole of /api/v1 as one function of a database and a request, so tests drive it with
 * `new Request(...)` and the route files stay one line. Order of checks: route, key, rate limit,
 * scope, parameters, body, idempotency, the service. `limits` are the environment's unless a test
 * brings its own.
 */
export async function handleApiRequest(db: DbOrTx, request: Request, limits: ApiRateLimits = apiRateLimits()): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) || "/" : url.pathname;
  try {
    if (path === "/openapi.json" && request.method === "GET") {
      // The shop's configured address makes `servers` absolute, so tools can call the API from the document alone.
      const { appUrl } = await getSettings(db);
      return new Response(JSON.stringify(buildOpenApiDocument({ appUrl })), {
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
      });
    }
    const found = findRoute(request.method, path);
    if (!found) return problemResponse(problemOf("not_found", `There is no endpoint ${API_BASE}${path}. See ${API_BASE}/openapi.json.`));
    if ("allow" in found) {
      return problemResponse(problemOf("method_not_allowed", `${request.method} is not supported here; use ${found.allow.join(" or ")}.`), {
        allow: found.allow.join(", "),
      });
    }
    return await handleMatched(db, request, found, path, limits);
  } catch (error) {
    return unexpected(error, request);
  }
}
