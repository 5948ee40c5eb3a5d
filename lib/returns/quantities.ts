import type { OrderItem } from "@/db/schema";

/** A line of a sale and how many of it may still be returned (or complained about). */
export type ReturnableLine = { sku: string; name: string; ordered: number; held: number; left: number };

/**
 * What is left of each of a sale's lines once the earlier requests of the same kind (open or
 * finished, not rejected) take their share. Lines are matched by SKU: a sale holding one SKU twice
 * counts it as one line of the summed quantity.
 */
export function returnableLines(saleItems: readonly OrderItem[], earlier: readonly (readonly OrderItem[])[]): ReturnableLine[] {
  const held = new Map<string, number>();
  for (const items of earlier) for (const i of items) held.set(i.sku, (held.get(i.sku) ?? 0) + i.quantity);
  const lines = new Map<string, ReturnableLine>();
  for (const i of saleItems) {
    const line = lines.get(i.sku) ?? { sku: i.sku, name: i.name, ordered: 0, held: held.get(i.sku) ?? 0, left: 0 };
    line.ordered += i.quantity;
    lines.set(i.sku, line);
  }
  return [...lines.values()].map((l) => ({ ...l, left: Math.max(0, l.ordered - l.held) }));
}
