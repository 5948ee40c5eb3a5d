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
