import { z } from "zod";
import { PROBLEM_CONTENT_TYPE, PROBLEM_STATUS, type ApiErrorCode } from "./problem";
import { API_ROUTES } from "./registry";
import type { ApiRoute } from "./route";
import { problemSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.1 speaks JSON Schema 2020-12, which is what zod 4 writes. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** Every endpoint can answer these, besides its own refusals. */
const COMMON_ERRORS: ApiErrorCode[] = ["unauthorized", "forbidden", "rate_limited", "internal_error"];
const BODY_ERRORS: ApiErrorCode[] = ["malformed_json", "nesting_too_deep", "payload_too_large", "unsupported_media_type", "validation_failed"];

export function errorCodesOf(route: ApiRoute): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>([...COMMON_ERRORS, ...(route.body ? BODY_ERRORS : []), ...(route.query || route.params ? ["validation_failed" as const] : []), ...route.errors]);
  return [...codes];
}

function parametersOf(route: ApiRoute): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), description, schema: rest });
    }
  };
  add(route.params, "path");
  add(route.query, "query");
  if (route.method === "POST") {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Any unique string (a UUID). A retry with the same key and body gets the stored response instead of a second write; the same key with another body is refused with 409 `idempotency_conflict`.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return list;
}

function responsesOf(route: ApiRoute): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {
    [route.response.status]: {
      description: route.response.description,
      content: { "application/json": { schema: schemaOf(route.response.schema, "output") } },
    },
  };
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of errorCodesOf(route)) {
    const { status } = PROBLEM_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: codes.map((c) => `\`${c}\``).join(", "),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return responses;
}

/** The OpenAPI 3.1 document of /api/v1, built from the same route objects the dispatcher serves. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      "x-scope": route.scope,
      security: [{ bearerAuth: [route.scope] }],
      parameters: parametersOf(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(route.body, "input"), ...(route.example ? { example: route.example } : {}) } },
            },
          }
        : {}),
      responses: responsesOf(route),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Orderly API",
      version: "1.0.0",
      description:
        "Orders, statuses and the workflow of an Orderly shop. JSON only; authenticate with `Authorization: Bearer <key>` (keys are created by an admin at /admin/integrations). Errors are RFC 9457 `application/problem+json` with a stable `code`. Money is in integer minor units. Every answer to a request with a valid key carries `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers): the key's requests per window and what is left of them; past the limit, 429 `rate_limited` with `Retry-After`.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Orders", description: "Create, read and change orders" },
      { name: "Workflow", description: "Statuses, order types and the whole configuration" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key with scope read, write or admin (admin ⊃ write ⊃ read)" },
      },
      schemas: { Problem: schemaOf(problemSchema, "output") },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
