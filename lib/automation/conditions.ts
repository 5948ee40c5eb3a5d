import type { Conditions } from "./schemas";

/** What the conditions look at: the order as it stands, with codes instead of ids. */
export type OrderFacts = {
  orderType: string;
  status: string;
  channel: string;
  paymentMethod: string;
  shippingMethod: string | null;
  courier: string | null;
  country: string | null;
  total: number;
  paid: boolean;
};

export type ConditionKey =
  | "orderTypes"
  | "statuses"
  | "channels"
  | "paymentMethods"
  | "shippingMethods"
  | "couriers"
  | "countries"
  | "total"
  | "paid";

/** One checked condition, with what it wanted and what the order has: the dry run shows both. */
export type ConditionCheck = { key: ConditionKey; ok: boolean; expected: string; actual: string };

const LIST_CONDITIONS = [
  ["orderTypes", "orderType"],
  ["statuses", "status"],
  ["channels", "channel"],
  ["paymentMethods", "paymentMethod"],
  ["shippingMethods", "shippingMethod"],
  ["couriers", "courier"],
  ["countries", "country"],
] as const satisfies readonly (readonly [ConditionKey, keyof OrderFacts])[];

/**
 * Checks every condition that is set (an empty list or a missing bound is not a condition) and
 * reports each one, so a person can see which failed. Values compare case-insensitively: shops
 * type "InPost" where the data says "inpost".
 */
export function checkConditions(conditions: Conditions, facts: OrderFacts): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  for (const [key, fact] of LIST_CONDITIONS) {
    const wanted = conditions[key];
    if (!wanted.length) continue;
    const actual = facts[fact];
    const ok = actual !== null && wanted.some((w) => w.toLowerCase() === String(actual).toLowerCase());
    checks.push({ key, ok, expected: wanted.join(" or "), actual: actual === null ? "none" : String(actual) });
  }
  const { totalMin, totalMax } = conditions;
  if (totalMin !== undefined || totalMax !== undefined) {
    const ok = (totalMin === undefined || facts.total >= totalMin) && (totalMax === undefined || facts.total <= totalMax);
    checks.push({ key: "total", ok, expected: `${totalMin ?? "…"}–${totalMax ?? "…"}`, actual: String(facts.total) });
  }
  if (conditions.paid !== undefined) {
    checks.push({
      key: "paid",
      ok: facts.paid === conditions.paid,
      expected: conditions.paid ? "paid" : "unpaid",
      actual: facts.paid ? "paid" : "unpaid",
    });
  }
  return checks;
}

export function conditionsHold(checks: readonly ConditionCheck[]): boolean {
  return checks.every((c) => c.ok);
}
