import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { automationReasonKey } from "./history-timeline";

const order = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale], namespace: "order" });

describe("the order page's texts", () => {
  it("counts queued notifications with Polish plural forms", () => {
    expect(order("pl")("change.changedQueued", { number: "ORD-1", count: 1 })).toBe("Zmieniono status zamówienia ORD-1. 1 powiadomienie czeka na wysłanie.");
    expect(order("pl")("change.changedQueued", { number: "ORD-1", count: 3 })).toBe("Zmieniono status zamówienia ORD-1. 3 powiadomienia czekają na wysłanie.");
    expect(order("pl")("change.changedQueued", { number: "ORD-1", count: 5 })).toBe("Zmieniono status zamówienia ORD-1. 5 powiadomień czeka na wysłanie.");
    expect(order("en")("change.changedQueued", { number: "ORD-1", count: 2 })).toBe("Order ORD-1 changed. 2 notifications queued.");
  });

  it("words the history's lines in Polish", () => {
    const t = order("pl");
    expect(t("history.notificationFailedTo", { kind: "email", recipient: "ewa@example.com", attempts: 5 })).toBe(
      "Nie udało się wysłać e-maila do ewa@example.com po 5 próbach",
    );
    expect(t("history.notificationLine", { kind: "sms", staff: "yes", recipient: "+48500100200" })).toBe("SMS (do zespołu) do +48500100200:");
    expect(t("history.documentEmailedTo", { kind: "Faktura", number: "FV/2026/0001", email: "ewa@example.com" })).toBe(
      "Wysłano na ewa@example.com: Faktura FV/2026/0001",
    );
    expect(t("items.more", { count: 22 })).toBe("i jeszcze 22 pozycje (suma poniżej obejmuje wszystkie)");
    expect(t("items.more", { count: 25 })).toBe("i jeszcze 25 pozycji (suma poniżej obejmuje wszystkie)");
  });

  it("keeps the English texts the end-to-end tests look for", () => {
    const t = order("en");
    expect(t("items.more", { count: 1234 })).toBe("and 1,234 more items (the total below counts them all)");
    expect(t("change.blocked.payment_required", { status: "In progress" })).toBe("Payment required before In progress");
    expect(t("history.documentIssued", { kind: "Invoice", number: "FV/2026/0001" })).toBe("Invoice FV/2026/0001 issued");
  });

  it("words an automation's refusal by its reason, an unknown one too", () => {
    expect(automationReasonKey("depth_limit")).toBe("depth_limit");
    expect(automationReasonKey("something_new")).toBe("other");
  });
});
