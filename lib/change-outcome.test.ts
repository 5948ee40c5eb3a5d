import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "./i18n/messages";
import { refuse, type Refusal } from "./result";
import { outcomeOf, scanOutcomeOf } from "./change-outcome";
import { refusalText } from "./i18n/refusal-text";

const errorOf = (r: { ok: false; error: Refusal }) => r.error;
const refusalsIn = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale], namespace: "refusals" });

describe("change outcomes", () => {
  it("reads the payment gate from the guard's typed reason, not from its words", () => {
    expect(outcomeOf(refuse("guard_failed", "Anything at all", { details: { reason: "payment_required" } }))).toBe("payment_required");
    expect(outcomeOf(refuse("guard_failed", "Payment required", { details: { reason: "archived" } }))).toBe("not_allowed");
    expect(outcomeOf(refuse("version_conflict", "Stale"))).toBe("conflict");
    expect(outcomeOf({ ok: true })).toBe("changed");
  });

  it("calls a scan the station could not use invalid, and the rest as a change's", () => {
    expect(scanOutcomeOf(refuse("validation_failed", "Scan or type an order number"))).toBe("invalid");
    expect(scanOutcomeOf(refuse("unauthorized", "Your session has ended"))).toBe("invalid");
    expect(scanOutcomeOf(refuse("not_found", "No such order"))).toBe("not_found");
    expect(scanOutcomeOf({ ok: true })).toBe("changed");
  });
});

describe("why a change was refused", () => {
  it("is worded from the refusal's code in the reader's language, never from the server's English", () => {
    const notAllowed = errorOf(refuse("transition_not_allowed", "Cannot change from Received to Shipped", { details: { allowed: [] } }));
    expect(refusalText(refusalsIn("pl"), notAllowed, { orderNumber: "A-1", targetName: "Wysłane" })).toBe("Z tego statusu nie można przejść do „Wysłane”.");
    expect(refusalText(refusalsIn("en"), notAllowed, { orderNumber: "A-1", targetName: "Shipped" })).toBe("This status cannot move to “Shipped”.");

    const unpaid = errorOf(refuse("guard_failed", "Payment required before Shipped", { details: { reason: "payment_required" } }));
    expect(refusalText(refusalsIn("pl"), unpaid)).toBe("Najpierw zamówienie musi zostać opłacone.");

    const stale = errorOf(refuse("version_conflict", "Order A-1 changed", { details: { expectedVersion: 1, currentVersion: 2 } }));
    expect(refusalText(refusalsIn("pl"), stale, { orderNumber: "A-1" })).toContain("Zamówienie A-1");
    expect(refusalText(refusalsIn("en"), stale, { orderNumber: "A-1" })).not.toContain("Order A-1 changed");
  });
});

describe("the work screens' counts", () => {
  const ordersIn = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale], namespace: "orders" });
  const boardIn = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale], namespace: "board" });

  it("says how many of how many orders a bulk change changed, with Polish plural forms", () => {
    expect(ordersIn("pl")("bulk.changedOf", { changed: 3, total: 5 })).toBe("Zmieniono 3 z 5 zamówień.");
    expect(ordersIn("pl")("bulk.changedOf", { changed: 1, total: 1 })).toBe("Zmieniono 1 z 1 zamówienia.");
    expect(ordersIn("pl")("bulk.changedOf", { changed: 2, total: 22 })).toBe("Zmieniono 2 z 22 zamówień.");
    expect(ordersIn("en")("bulk.changedOf", { changed: 3, total: 5 })).toBe("3 of 5 orders changed.");
    expect(ordersIn("pl")("bulk.submit", { count: 4 })).toBe("Zmień 4 zamówienia");
    expect(ordersIn("pl")("bulk.submit", { count: 12 })).toBe("Zmień 12 zamówień");
    expect(ordersIn("en")("bulk.title", { count: 20 })).toBe("Change status of 20 orders");
    expect(ordersIn("pl")("total", { count: 21 })).toBe("21 zamówień");
    expect(ordersIn("pl")("total", { count: 23 })).toBe("23 zamówienia");
  });

  it("counts queued notifications after a move only when there are some", () => {
    expect(boardIn("en")("moved", { number: "A-1", queued: 0 })).toBe("Order A-1 moved.");
    expect(boardIn("en")("moved", { number: "A-1", queued: 1 })).toBe("Order A-1 moved. 1 notification queued.");
    expect(boardIn("pl")("moved", { number: "A-1", queued: 2 })).toBe("Przeniesiono zamówienie A-1. 2 powiadomienia czekają na wysłanie.");
    expect(boardIn("pl")("moved", { number: "A-1", queued: 5 })).toBe("Przeniesiono zamówienie A-1. 5 powiadomień czeka na wysłanie.");
  });
});
