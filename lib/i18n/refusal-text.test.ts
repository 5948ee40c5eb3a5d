import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { refuse, type Refusal } from "@/lib/result";
import { messages } from "./messages";
import { refusalMessage } from "./refusal-text";

const said = (locale: "pl" | "en", error: Refusal, about = {}) => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "refusals" });
  const m = refusalMessage(error, about);
  return t(m.key, m.values as never);
};
const errorOf = (r: { ok: false; error: Refusal }) => r.error;

describe("refusalMessage", () => {
  it("words a refusal by its code and reason in the reader's language, whatever the server's English said", () => {
    const paymentFirst = errorOf(refuse("guard_failed", "anything at all", { details: { reason: "payment_required" } }));
    expect(said("pl", paymentFirst)).toBe("Najpierw zamówienie musi zostać opłacone.");
    expect(said("en", paymentFirst)).toBe("The order has to be paid first.");
    const conflict = errorOf(refuse("version_conflict", "x", { details: { expectedVersion: 1, currentVersion: 2 } }));
    expect(said("pl", conflict, { orderNumber: "ORD-1" })).toContain("ORD-1");
    expect(said("pl", errorOf(refuse("transition_not_allowed", "x", { details: { allowed: [] } })), { targetName: "Wysłane" })).toContain("„Wysłane”");
    expect(said("en", errorOf(refuse("forbidden", "x")))).toBe("You are not allowed to do this.");
  });
});

describe("the stranding refusal", () => {
  const group = (status: string, orders: number, id?: number) => ({ orderType: { code: "retail", name: "Retail" }, status: { id, code: status.toLowerCase(), name: status }, orders });
  const strands = (...stranded: ReturnType<typeof group>[]) =>
    errorOf(refuse("would_strand_orders", "x", { details: { stranded, total: stranded.reduce((n, s) => n + s.orders, 0) } }));

  it("names the count, the status and the order type, with the language's plural", () => {
    expect(said("en", strands(group("Shipped", 24)))).toBe("24 orders in Shipped (Retail) would have no way forward.");
    expect(said("en", strands(group("Shipped", 1)))).toBe("1 order in Shipped (Retail) would have no way forward.");
    expect(said("pl", strands(group("Wysłane", 24)))).toBe("24 zamówienia w statusie Wysłane (Retail) nie miałyby dalszej drogi.");
    expect(said("pl", strands(group("Wysłane", 25)))).toBe("25 zamówień w statusie Wysłane (Retail) nie miałoby dalszej drogi.");
    expect(said("pl", strands(group("Wysłane", 1)))).toBe("1 zamówienie w statusie Wysłane (Retail) nie miałoby dalszej drogi.");
  });

  it("lists several statuses after the total, with their names in the reader's language where the screen knows them", () => {
    const error = strands(group("Shipped", 24, 7), group("Packed", 6));
    expect(said("en", error)).toBe("30 orders would have no way forward: Shipped (Retail): 24, Packed (Retail): 6.");
    expect(said("pl", error, { nameOf: (id: number) => (id === 7 ? "Wysłane" : undefined), list: (items: string[]) => items.join(" i ") })).toBe(
      "30 zamówień nie miałoby dalszej drogi: Wysłane (Retail): 24 i Packed (Retail): 6.",
    );
  });
});

