import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { BulkEffects, ChangeEffects } from "@/lib/change-preview/types";
import { messages } from "@/lib/i18n/messages";
import { bulkEffectLines, effectLines, type EffectsT } from "./effect-lines";

const tIn = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale], namespace: "effects" }) as unknown as EffectsT;
const words = (locale: "pl" | "en") => messages[locale].effects;

const none: ChangeEffects = { orderNumber: "ORD-1", messages: [], webhooks: [], rules: [], moves: [] };

describe("what a change will do, line by line", () => {
  it("names each message's address and language, and notes the ones that will not go", () => {
    const effects: ChangeEffects = {
      ...none,
      messages: [
        { channel: "email", audience: "customer", to: "anna@example.com", locale: "en", subject: "Order ORD-1: Paid", fate: "send" },
        { channel: "sms", audience: "customer", to: "+48600100200", locale: "pl", subject: null, fate: "skipped" },
        { channel: "email", audience: "admin", to: "ops@example.com", locale: "pl", subject: "[Shop] ORD-1", fate: "send" },
      ],
    };
    const lines = effectLines(effects, tIn("pl"), () => "");
    expect(lines.map((l) => l.key)).toEqual(["message-0", "message-1", "message-2"]);
    expect(lines[0]!.text).toContain("anna@example.com");
    expect(lines[0]!.text).toContain(words("pl").language.en);
    expect(lines[0]!.text).toContain("Order ORD-1: Paid");
    expect(lines[0]!.note).toBeUndefined();
    expect(lines[1]!.text).toContain("+48600100200");
    expect(lines[1]!.text).toContain(words("pl").language.pl);
    expect(lines[1]!.note).toBe(words("pl").notSent.skipped);
    // The team's alert is worded as an alert, not as the customer's email.
    expect(lines[2]!.text).not.toBe(tIn("pl")("email", { to: "ops@example.com", language: words("pl").language.pl, subject: "[Shop] ORD-1" }));
    expect(lines[2]!.text).toBe(tIn("pl")("alert", { to: "ops@example.com", language: words("pl").language.pl, subject: "[Shop] ORD-1" }));
  });

  it("says no message will be sent, and still lists the webhooks, the rules and where the order ends up", () => {
    const effects: ChangeEffects = {
      ...none,
      webhooks: [{ type: "order.status_changed", endpoints: 2 }],
      rules: [{ ruleId: 1, ruleName: "Auto-cancel", depth: 0, actions: [{ index: 0, type: "set_status", outcome: "done", summary: "" }] }],
      moves: [{ statusId: 9, statusName: "Anulowane", ruleName: "Auto-cancel" }],
    };
    const lines = effectLines(effects, tIn("en"), () => "ACTION");
    expect(lines.map((l) => l.key)).toEqual(["nothing", "webhook-0", "rule-0", "ends-in"]);
    expect(lines[0]!.text).toBe(words("en").nothing);
    expect(lines[1]!.text).toContain("order.status_changed");
    expect(lines[2]!.text).toContain("Auto-cancel");
    expect(lines[2]!.text).toContain("ACTION");
    expect(lines[3]!.text).toContain("Anulowane");
  });
});

describe("what a bulk change will do, in counts", () => {
  const counts: BulkEffects = {
    orders: 5,
    changing: 3,
    refused: { not_allowed: 1, conflict: 1 },
    emails: 3,
    sms: 0,
    alerts: 0,
    notSent: 1,
    webhooks: 6,
    rules: [{ ruleName: "Note", orders: 3 }],
  };

  it("lists only what happens, refusals by reason", () => {
    const lines = bulkEffectLines(counts, tIn("en"), (code) => `<${code}>`);
    expect(lines.map((l) => l.key)).toEqual(["changing", "refused-not_allowed", "refused-conflict", "emails", "not-sent", "webhooks", "rule-0"]);
    expect(lines[1]!.text).toContain("<not_allowed>");
  });

  it("says no message will be sent when none goes", () => {
    const lines = bulkEffectLines({ ...counts, emails: 0, notSent: 0 }, tIn("pl"), (code) => code);
    expect(lines.find((l) => l.key === "nothing")?.text).toBe(words("pl").nothing);
  });
});
