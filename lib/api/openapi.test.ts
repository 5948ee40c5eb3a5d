import { validate } from "@hyperjump/json-schema/openapi-3-1";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument, parametersOf } from "./openapi";
import type { ApiRoute } from "./route";

type Node = Record<string, unknown>;
const doc = buildOpenApiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as Node })));

/** Every object in the tree, with where it is. */
function* walk(value: unknown, at = ""): Generator<[string, Node]> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, `${at}/${i}`);
  else if (value !== null && typeof value === "object") {
    yield [at, value as Node];
    for (const [key, item] of Object.entries(value)) yield* walk(item, `${at}/${key}`);
  }
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document (checked against the specification's own schema)", async () => {
    const output = await validate("https://spec.openapis.org/oas/3.1/schema-base", doc as never, "BASIC");
    expect(output.valid ? [] : output.errors?.slice(0, 3)).toEqual([]);
    expect(output.valid).toBe(true);
  });

  it("names the shared shapes once, as components the paths refer to", () => {
    for (const name of ["Order", "Status", "OrderType", "Event", "Problem", "OrderPage", "OrderChange"]) expect(doc.components.schemas).toHaveProperty(name);
    const ok = (path: string, method: string, status: number) =>
      ((doc.paths as Record<string, Record<string, Node>>)[path]![method]!.responses as Record<number, Node>)[status];
    expect(ok("/orders/{number}", "get", 200)).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } } });
    expect(ok("/orders", "get", 200)).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/OrderPage" } } } });
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
    // Every reference resolves.
    for (const [at, node] of walk(doc)) {
      if (typeof node.$ref !== "string") continue;
      const [, kind, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(node.$ref) ?? [];
      expect((doc.components as Record<string, Node>)[kind!]?.[name!], `${at} → ${node.$ref}`).toBeDefined();
    }
  });

  it("writes [from, to] pairs as Prism and older tools read them: no prefixItems", () => {
    expect(JSON.stringify(doc)).not.toContain("prefixItems");
    const pair = ((doc.components.schemas.OrderType as Node).properties as Record<string, Node>).transitions!.items;
    expect(pair).toEqual({ type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 });
  });

  it("closes every request object, as the server refuses undeclared fields at every depth", () => {
    for (const { path, method, op } of operations) {
      const body = (op.requestBody as { content: Record<string, { schema: Node }> } | undefined)?.content["application/json"]!.schema;
      for (const [at, node] of walk(body)) {
        if (node.type === "object" && node.properties) expect(node.additionalProperties, `${method} ${path} ${at}`).toBe(false);
      }
    }
  });

  it("refuses an empty PATCH as the server does, and documents 405 with Allow on every path", () => {
    const patch = (doc.paths["/orders/{number}"] as Record<string, Node>).patch!;
    const body = (patch.requestBody as { content: Record<string, { schema: Node }> }).content["application/json"]!.schema;
    expect(body.anyOf).toEqual(["courier", "trackingNumber", "customer", "shippingAddress", "items", "total"].map((field) => ({ required: [field] })));
    for (const { op } of operations) expect((op.responses as Record<string, Node>)[405]).toEqual({ $ref: "#/components/responses/MethodNotAllowed" });
    expect(doc.components.responses.MethodNotAllowed.headers.Allow.required).toBe(true);
  });

  it("gives tools an absolute server URL when the shop's address is known, relative otherwise", () => {
    expect(buildOpenApiDocument({ appUrl: "https://sklep.example.com/" }).servers).toEqual([{ url: "https://sklep.example.com/api/v1", description: "This shop" }]);
    expect(buildOpenApiDocument({ appUrl: "" }).servers).toEqual([{ url: "/api/v1" }]);
    expect(buildOpenApiDocument({ appUrl: "javascript:alert(1)" }).servers).toEqual([{ url: "/api/v1" }]);
  });

  it("documents a list query parameter as sent repeated (style: form, explode: true), a single one plainly", () => {
    const route = { method: "GET", query: z.strictObject({ status: z.array(z.string()).optional(), limit: z.number().optional() }) } as unknown as ApiRoute;
    const [status, limit] = parametersOf(route);
    expect(status).toMatchObject({ name: "status", in: "query", style: "form", explode: true, schema: { type: "array" } });
    expect(limit).not.toHaveProperty("style");
  });
});
