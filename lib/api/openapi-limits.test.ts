import { describe, expect, it } from "vitest";
import { ORDER_LIMITS } from "@/lib/orders";
import { buildOpenApiDocument } from "./openapi";

type Schema = { properties?: Record<string, Schema>; items?: Schema; maxItems?: number; maxLength?: number; pattern?: string; $ref?: string };

describe("the OpenAPI document shows the order limits the server enforces", () => {
  it("POST /orders carries the item cap, the line lengths and the phone's shape", () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: Schema }> } }>> };
    const body = doc.paths["/orders"]!.post!.requestBody.content["application/json"]!.schema;
    const items = body.properties!.items!;
    expect(items.maxItems).toBe(ORDER_LIMITS.itemsPerOrder);
    expect(items.items!.properties!.name!.maxLength).toBe(ORDER_LIMITS.itemName);
    expect(items.items!.properties!.sku!.maxLength).toBe(ORDER_LIMITS.sku);
    expect(body.properties!.shippingAddress!.properties!.street!.maxLength).toBe(ORDER_LIMITS.address.street);
    expect(body.properties!.courier!.maxLength).toBe(ORDER_LIMITS.courier);
    expect(body.properties!.customer!.properties!.phone!.pattern).toBeDefined();
  });
});
