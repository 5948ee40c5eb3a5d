import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkConditions, conditionsHold, type OrderFacts } from "./conditions";
import { conditionsSchema } from "./schemas";

const facts: OrderFacts = {
  orderType: "retail",
  status: "awaiting_payment",
  channel: "shop",
  paymentMethod: "transfer",
  shippingMethod: "inpost_locker",
  courier: "inpost",
  country: "PL",
  total: 12_345,
  paid: false,
};
const conditions = (c: Record<string, unknown>) => conditionsSchema.parse(c);

describe("checkConditions", () => {
  it("holds when no condition is set, and reports nothing", () => {
    expect(checkConditions(conditions({}), facts)).toEqual([]);
    expect(conditionsHold([])).toBe(true);
  });

  it("reports each condition with what it wanted and what the order has", () => {
    const checks = checkConditions(conditions({ channels: ["allegro", "shop"], couriers: ["dpd"], paid: true }), facts);
    expect(checks).toEqual([
      { key: "channels", ok: true, expected: "allegro or shop", actual: "shop" },
      { key: "couriers", ok: false, expected: "dpd", actual: "inpost" },
      { key: "paid", ok: false, expected: "paid", actual: "unpaid" },
    ]);
    expect(conditionsHold(checks)).toBe(false);
  });

  it("compares codes case-insensitively and never matches a missing value", () => {
    expect(conditionsHold(checkConditions(conditions({ couriers: ["InPost"] }), facts))).toBe(true);
    expect(conditionsHold(checkConditions(conditions({ couriers: ["inpost"] }), { ...facts, courier: null }))).toBe(false);
    expect(conditionsHold(checkConditions(conditions({ countries: ["pl"] }), facts))).toBe(true);
  });

  it("treats the total range as inclusive on both ends", () => {
    const range = conditions({ totalMin: 100, totalMax: 200 });
    expect([99, 100, 200, 201].map((total) => conditionsHold(checkConditions(range, { ...facts, total })))).toEqual([false, true, true, false]);
  });

  it("refuses a range whose lowest total is above the highest", () => {
    const parsed = conditionsSchema.safeParse({ totalMin: 300, totalMax: 200 });
    expect(parsed.success).toBe(false);
  });

  it("a total range holds exactly for totals inside it", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(20_000), (a, b, total) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const held = conditionsHold(checkConditions(conditions({ totalMin: min, totalMax: max }), { ...facts, total }));
        return held === (total >= min && total <= max);
      }),
    );
  });
});
