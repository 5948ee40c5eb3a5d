import { z } from "zod";
import { apiKeyScope } from "@/db/schema";
import type { ErrorCode, FieldErrors, Refusal } from "@/lib/result";

/**
 * RFC 9457 problem details. `code` is the stable machine-readable reason (the service's own
 * codes plus a few the HTTP layer adds); `type` is a URI naming it, resolvable to the docs.
 */
export type ApiErrorCode =
  | ErrorCode
  | "malformed_json"
  | "nesting_too_deep"
  | "payload_too_large"
  | "unsupported_media_type"
  | "idempotency_conflict"
  | "idempotency_in_progress"
  | "method_not_allowed"
  | "rate_limited"
  | "internal_error";

/** One status and title per code: every endpoint answers a refusal the same way. */
export const PROBLEM_STATUS: Record<ApiErrorCode, { status: number; title: string }> = {
  malformed_json: { status: 400, title: "Malformed JSON" },
  nesting_too_deep: { status: 400, title: "JSON nested too deeply" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  version_conflict: { status: 409, title: "Version conflict" },
  transition_not_allowed: { status: 409, title: "Transition not allowed" },
  editing_not_allowed: { status: 409, title: "Editing not allowed" },
  idempotency_conflict: { status: 409, title: "Idempotency key reused" },
  idempotency_in_progress: { status: 409, title: "Request with this idempotency key still running" },
  last_admin: { status: 409, title: "Last active admin" },
  would_strand_orders: { status: 409, title: "Would strand orders" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  guard_failed: { status: 422, title: "Guard failed" },
  status_not_permitted: { status: 403, title: "Status not permitted for the role" },
  undo_refused: { status: 409, title: "Undo refused" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
};

const codeAndName = z.object({ code: z.string(), name: z.string() });

/**
 * Every extension member a problem may carry, with its shape. These are the only members besides
 * the RFC's own: anything else a service attaches to a refusal (database ids, an internal `ok`)
 * is dropped on the way out, at every depth (zod strips what a schema does not name), so a strict
 * generated client accepts every answer. A new member is added here and to PROBLEM_MEMBERS.
 */
export const PROBLEM_MEMBER_SCHEMAS = {
  errors: z
    .record(z.string(), z.array(z.string()))
    .describe("Messages per field, keyed by its dotted path (`customer.email`, `items.0.sku`); a query parameter or header by its name"),
  allowed: z.array(codeAndName).describe("The statuses the order may move to from where it is"),
  reason: z.string().describe("Why, as a stable word: `payment_required`, `archived` (guard_failed); `invalid_phone`, `too_many_items` (validation_failed)"),
  orderStatus: codeAndName.describe("The status the order is in, which does not allow editing"),
  expectedVersion: z.number().int().describe("The version the request was based on"),
  currentVersion: z.number().int().describe("The order's version now: read the order again and decide"),
  requiredScope: z.enum(apiKeyScope.enumValues).describe("The scope the endpoint needs"),
  limit: z.number().int().describe("payload_too_large: the largest body taken, in bytes; rate_limited: the requests a window allows"),
  maxDepth: z.number().int().describe("How deep arrays and objects may nest"),
  windowSeconds: z.number().int().describe("The rate limit's window, in seconds"),
  retryAfter: z.number().int().describe("Seconds until the window ends, as in `Retry-After`"),
  stranded: z
    .array(z.object({ orderType: codeAndName, status: codeAndName, orders: z.number().int().describe("Open orders of this type in this status") }))
    .describe("The open orders the change would leave with no way forward, per order type and status"),
  total: z.number().int().describe("All the stranded orders: send this number as `confirmStranded` to go ahead"),
  lint: z
    .array(
      z.object({
        severity: z.string(),
        code: z.string(),
        message: z.string(),
        orderType: codeAndName,
        statuses: z.array(z.string()).describe("Status codes the issue is about"),
      }),
    )
    .describe("The workflow's lint errors, per order type"),
} satisfies Record<string, z.ZodType>;

export type ProblemMember = keyof typeof PROBLEM_MEMBER_SCHEMAS;
export type ProblemMembers = { [M in ProblemMember]?: z.output<(typeof PROBLEM_MEMBER_SCHEMAS)[M]> };

/** Which extension members each code may carry; a member not listed for a code is never sent with it. */
export const PROBLEM_MEMBERS: Record<ApiErrorCode, readonly ProblemMember[]> = {
  malformed_json: [],
  nesting_too_deep: ["maxDepth"],
  unauthorized: [],
  forbidden: ["requiredScope"],
  not_found: [],
  method_not_allowed: [],
  version_conflict: ["expectedVersion", "currentVersion"],
  transition_not_allowed: ["allowed"],
  idempotency_conflict: [],
  idempotency_in_progress: [],
  editing_not_allowed: ["orderStatus"],
  rate_limited: ["limit", "windowSeconds", "retryAfter"],
  last_admin: [],
  would_strand_orders: ["stranded", "total"],
  payload_too_large: ["limit"],
  unsupported_media_type: [],
  validation_failed: ["errors", "reason", "lint"],
  guard_failed: ["reason"],
  status_not_permitted: [],
  undo_refused: ["reason"],
  internal_error: [],
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
} & ProblemMembers;

function codesCarrying(member: ProblemMember): ApiErrorCode[] {
  return (Object.keys(PROBLEM_MEMBERS) as ApiErrorCode[]).filter((code) => PROBLEM_MEMBERS[code].includes(member));
}

/**
 * The published shape (the OpenAPI `Problem` component): the RFC's members, `code`, and each
 * extension member optional, its description naming the codes that carry it.
 */
export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the code, resolvable to the docs"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What went wrong, in words"),
    code: z.enum(Object.keys(PROBLEM_STATUS) as [ApiErrorCode, ...ApiErrorCode[]]).describe("Stable machine-readable reason"),
    ...Object.fromEntries(
      (Object.keys(PROBLEM_MEMBER_SCHEMAS) as ProblemMember[]).map((member) => {
        const schema = PROBLEM_MEMBER_SCHEMAS[member];
        const codes = codesCarrying(member).map((c) => `\`${c}\``).join(", ");
        return [member, schema.optional().describe(`${schema.description ?? ""}. Sent with: ${codes}`)];
      }),
    ),
  })
  .meta({ id: "Problem" });

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The documented members of `extra` for this code, each cut to its documented shape; the rest is dropped. */
function documentedMembers(code: ApiErrorCode, extra: Record<string, unknown>): ProblemMembers {
  const members: Record<string, unknown> = {};
  for (const member of PROBLEM_MEMBERS[code]) {
    const value = extra[member];
    if (value === undefined) continue;
    const parsed = PROBLEM_MEMBER_SCHEMAS[member].safeParse(value);
    // `errors` is kept as built (checked, nothing in it to strip): zod's record copy would lose a
    // "__proto__" field name, the very field a client must be told about.
    if (parsed.success) members[member] = member === "errors" ? value : parsed.data;
    else console.error(`problem ${code}: "${member}" does not have its documented shape and was left out`, parsed.error.issues[0]);
  }
  return members as ProblemMembers;
}

export function problemOf(code: ApiErrorCode, detail: string, extra: { errors?: FieldErrors; [key: string]: unknown } = {}): Problem {
  const { status, title } = PROBLEM_STATUS[code];
  const { errors, ...rest } = extra;
  return {
    type: `/api/docs#error-${code}`,
    title,
    status,
    detail,
    code,
    ...documentedMembers(code, { ...rest, ...(errors && Object.keys(errors).length > 0 ? { errors } : {}) }),
  };
}

/** A service refusal as a problem: field errors become `errors`, details (allowed targets, the guard's reason) ride along. */
export function problemFromRefusal(refusal: Refusal): Problem {
  return problemOf(refusal.code, refusal.message, { ...(refusal.details ?? {}), errors: refusal.fieldErrors });
}

/** `bearer: false` for a 401 whose credential is not a bearer token (a carrier's secret address). */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}, { bearer = true }: { bearer?: boolean } = {}): Response {
  const extra: Record<string, string> = { ...headers };
  // RFC 6750: a 401 names the scheme it wants.
  if (problem.status === 401 && bearer) extra["www-authenticate"] ??= 'Bearer realm="orderly", error="invalid_token"';
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...extra },
  });
}
