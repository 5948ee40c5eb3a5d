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
  | "method_not_allowed"
  | "rate_limited"
  | "internal_error";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
  errors?: FieldErrors;
  [extra: string]: unknown;
};

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
  idempotency_conflict: { status: 409, title: "Idempotency key reused" },
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

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemOf(code: ApiErrorCode, detail: string, extra: { errors?: FieldErrors; [key: string]: unknown } = {}): Problem {
  const { status, title } = PROBLEM_STATUS[code];
  const { errors, ...rest } = extra;
  return {
    type: `/api/docs#error-${code}`,
    title,
    status,
    detail,
    code,
    ...(errors && Object.keys(errors).length > 0 ? { errors } : {}),
    ...rest,
  };
}

/** A service refusal as a problem: field errors become `errors`, details (allowed targets, the guard's reason) ride along. */
export function problemFromRefusal(refusal: Refusal): Problem {
  return problemOf(refusal.code, refusal.message, { errors: refusal.fieldErrors, ...(refusal.details ?? {}) });
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const extra: Record<string, string> = { ...headers };
  // RFC 6750: a 401 names the scheme it wants.
  if (problem.status === 401) extra["www-authenticate"] ??= 'Bearer realm="orderly", error="invalid_token"';
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...extra },
  });
}
