import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { PROBLEM_CONTENT_TYPE, PROBLEM_STATUS, problemSchema, type ApiErrorCode } from "./problem";
import { API_ROUTES } from "./registry";
import type { ApiRoute } from "./route";

type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";

/** `#/$defs/X` (where zod puts a schema with `.meta({ id })`) becomes `#/components/schemas/X`, at every depth. */
function pointRefsAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointRefsAtComponents);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "$ref" && typeof item === "string" && item.startsWith("#/$defs/") ? COMPONENT_PREFIX + item.slice("#/$defs/".length) : pointRefsAtComponents(item),
    ]),
  );
}

/**
 * zod's JSON Schema, adjusted where the server and older tools need it:
 * - a fixed-length tuple (`[from, to]`) as `items` + `minItems`/`maxItems`, not `prefixItems`,
 *   which Prism and OpenAPI 3.0-era tools reject;
 * - request objects closed (`additionalProperties: false`) the way the dispatcher treats them
 *   (it refuses undeclared fields at any depth, see unknown-fields.ts); responses are closed by
 *   zod already, so a strict client may reject anything undocumented.
 */
function adjust(io: "input" | "output") {
  return ({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
    const def = (zodSchema as { _zod: { def: { type: string; rest?: unknown } } })._zod.def;
    if (def.type === "tuple" && Array.isArray(jsonSchema.prefixItems) && !def.rest) {
      const items = jsonSchema.prefixItems as JsonSchema[];
      delete jsonSchema.prefixItems;
      jsonSchema.items = items.every((item) => isDeepStrictEqual(item, items[0])) ? items[0] : { anyOf: items };
      jsonSchema.minItems = items.length;
      jsonSchema.maxItems = items.length;
    }
    if (io === "input" && def.type === "object" && jsonSchema.additionalProperties === undefined) jsonSchema.additionalProperties = false;
  };
}

/**
 * Turns zod schemas into the document's JSON Schemas (OpenAPI 3.1 speaks JSON Schema 2020-12,
 * which is what zod 4 writes), collecting every schema with an id as a named component.
 */
class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};

  write(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", override: adjust(io) }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = json;
    for (const [id, component] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) this.add(id, pointRefsAtComponents(component) as JsonSchema);
    return pointRefsAtComponents(root) as JsonSchema;
  }

  private add(id: string, component: JsonSchema) {
    const known = this.components[id];
    if (known && !isDeepStrictEqual(known, component)) {
      throw new Error(`Two different schemas are named ${id} in the OpenAPI document (a request and a response form of one schema?): give one another id`);
    }
    this.components[id] = component;
  }
}

/** Every endpoint can answer these, besides its own refusals. */
const COMMON_ERRORS: ApiErrorCode[] = ["unauthorized", "forbidden", "rate_limited", "internal_error"];
const BODY_ERRORS: ApiErrorCode[] = ["malformed_json", "nesting_too_deep", "payload_too_large", "unsupported_media_type", "validation_failed"];

export function errorCodesOf(route: ApiRoute): ApiErrorCode[] {
  // Every route refuses query parameters it does not take, so validation_failed is always possible.
  const codes = new Set<ApiErrorCode>([...COMMON_ERRORS, ...(route.body ? BODY_ERRORS : []), "validation_failed", ...route.errors]);
  return [...codes];
}

/** The operation's parameters: path, query (a list one as `style: form, explode: true`) and Idempotency-Key. */
export function parametersOf(route: ApiRoute, writer: SchemaWriter = new SchemaWriter()): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const json = writer.write(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      // A list parameter is sent repeated (`?status=a&status=b`); any other one at most once.
      const list_ = where === "query" && rest.type === "array" ? { style: "form", explode: true } : {};
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), description, ...list_, schema: rest });
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

const PROBLEM_REF = { $ref: `${COMPONENT_PREFIX}Problem` };

function responsesOf(route: ApiRoute, writer: SchemaWriter): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {
    [route.response.status]: {
      description: route.response.description,
      content: { "application/json": { schema: writer.write(route.response.schema, "output") } },
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
      content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
    };
  }
  // Every path takes only some methods; any other one is answered 405 with `Allow`.
  responses[405] = { $ref: "#/components/responses/MethodNotAllowed" };
  return responses;
}

export type OpenApiOptions = {
  /**
   * The shop's public address (settings' `appUrl`), making `servers` absolute so tools (Prism,
   * Postman, generators) can call the API from the document alone. Without it, the relative
   * `/api/v1`, which is right wherever the document was fetched from.
   */
  appUrl?: string;
};

function serversOf(appUrl: string | undefined) {
  const base = appUrl?.trim().replace(/\/+$/, "");
  if (base && /^https?:\/\/[^/]/i.test(base)) return [{ url: `${base}/api/v1`, description: "This shop" }];
  return [{ url: "/api/v1" }];
}

/** The OpenAPI 3.1 document of /api/v1, built from the same route objects the dispatcher serves. */
export function buildOpenApiDocument(options: OpenApiOptions = {}) {
  const writer = new SchemaWriter();
  writer.write(problemSchema, "output");
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
      parameters: parametersOf(route, writer),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: writer.write(route.body, "input"), ...(route.example ? { example: route.example } : {}) } },
            },
          }
        : {}),
      responses: responsesOf(route, writer),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Orderly API",
      version: "1.0.0",
      description:
        "Orders, statuses and the workflow of an Orderly shop. JSON only; authenticate with `Authorization: Bearer <key>` (keys are created by an admin at /admin/integrations). Errors are RFC 9457 `application/problem+json` with a stable `code` and only the extension members the `Problem` schema lists. Unknown fields (at any depth) and unknown or repeated query parameters are refused with 422 `validation_failed`. Money is in integer minor units. Every answer to a request with a valid key carries `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers): the key's requests per window and what is left of them; past the limit, 429 `rate_limited` with `Retry-After`.",
    },
    servers: serversOf(options.appUrl),
    tags: [
      { name: "Orders", description: "Create, read and change orders" },
      { name: "Workflow", description: "Statuses, order types and the whole configuration" },
      { name: "Webhooks", description: "Webhook endpoints, their signing secrets and deliveries (admin keys)" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key with scope read, write or admin (admin ⊃ write ⊃ read)" },
      },
      responses: {
        MethodNotAllowed: {
          description: "`method_not_allowed`: the path exists, but not with this method",
          headers: {
            Allow: { required: true, description: "The methods this path takes, e.g. `GET, PATCH`", schema: { type: "string" } },
          },
          content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
        },
      },
      schemas: Object.fromEntries(Object.entries(writer.components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/**
 * The document with every `#/components/...` reference replaced by what it names, for readers
 * that show a schema in place (the /api/docs page). The API's schemas have no cycles.
 */
export function inlineComponentRefs<T>(doc: T): T {
  const root = doc as unknown as Record<string, unknown>;
  const resolve = (ref: string): unknown =>
    ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], root);
  const inline = (value: unknown, depth: number): unknown => {
    if (depth > 64) throw new Error("the OpenAPI document's references nest too deeply (a cycle?)");
    if (Array.isArray(value)) return value.map((item) => inline(item, depth + 1));
    if (value === null || typeof value !== "object") return value;
    const { $ref, ...rest } = value as Record<string, unknown>;
    if (typeof $ref === "string" && $ref.startsWith("#/components/")) {
      return { ...(inline(resolve($ref), depth + 1) as object), ...(inline(rest, depth + 1) as object) };
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inline(item, depth + 1)]));
  };
  return { ...(doc as object), paths: inline(root.paths, 0) } as T;
}
