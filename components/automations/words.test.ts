import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import type { RuleSpec } from "@/lib/automation/schemas";
import { describeRule, outcomeText, reasonText, ruleFieldErrors, type AutomationsT, type Wording } from "./words";

const names = {
  status: (code: string) => ({ awaiting_payment: "Oczekuje na płatność", in_progress: "W realizacji" })[code] ?? code,
  orderType: (code: string) => ({ retail: "Detaliczne" })[code] ?? code,
};

function wording(locale: "pl" | "en"): Wording {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "automations" }) as unknown as AutomationsT;
  return { t, locale, names };
}

const none = { orderTypes: [], statuses: [], channels: [], paymentMethods: [], shippingMethods: [], couriers: [], countries: [] };

const rule: Pick<RuleSpec, "trigger" | "conditions" | "actions"> = {
  trigger: { type: "status_entered", statusCode: "awaiting_payment" },
  conditions: { ...none, channels: ["shop", "allegro"], paymentMethods: ["cod"] },
  actions: [
    { type: "set_status", statusCode: "in_progress" },
    { type: "add_comment", body: "Pobranie: {{orderNumber}}", customerVisible: true },
    { type: "attach_document", kind: "proforma", email: false },
  ],
};

describe("a rule in words", () => {
  it("reads in English as the screens always did", () => {
    expect(describeRule(rule, wording("en"))).toBe(
      "When an order enters Oczekuje na płatność and it came from shop or allegro and it is paid by cod, set the status to W realizacji, add a customer-visible comment “Pobranie: {{orderNumber}}” and then attach a pro-forma.",
    );
  });

  it("reads naturally in Polish", () => {
    expect(describeRule(rule, wording("pl"))).toBe(
      "Gdy zamówienie przejdzie do statusu „Oczekuje na płatność”, jeśli pochodzi z kanału shop lub allegro i metoda płatności to cod, ustaw status „W realizacji”, dodaj widoczny dla klienta komentarz „Pobranie: {{orderNumber}}”, a potem dołącz fakturę proforma.",
    );
  });

  it("names each kind of document it attaches, the correction invoice too", () => {
    const attaching = (kind: "proforma" | "invoice" | "correction", email: boolean) =>
      ({ ...rule, conditions: none, actions: [{ type: "attach_document", kind, email }] }) satisfies Pick<RuleSpec, "trigger" | "conditions" | "actions">;
    expect(describeRule(attaching("correction", true), wording("pl"))).toContain("dołącz fakturę korygującą i wyślij ją klientowi e-mailem.");
    expect(describeRule(attaching("correction", false), wording("en"))).toContain("attach a correction invoice.");
    expect(describeRule(attaching("invoice", false), wording("pl"))).toContain("dołącz fakturę.");
  });

  it("counts days and hours with Polish plural forms", () => {
    const timed = (hours: number) =>
      describeRule({ trigger: { type: "time_in_status", statusCode: "awaiting_payment", hours }, conditions: none, actions: [{ type: "set_status", statusCode: "in_progress" }] }, wording("pl"));
    expect(timed(24)).toContain("od 1 dnia,");
    expect(timed(72)).toContain("od 3 dni,");
    expect(timed(1)).toContain("od 1 godziny,");
    expect(timed(3)).toContain("od 3 godzin,");
    expect(timed(25)).toContain("od 25 godzin,");
  });

  it("words totals and payment in the reader's number format", () => {
    const spec = { ...rule, conditions: { ...none, totalMin: 10000, totalMax: 25050, paid: false } };
    expect(describeRule(spec, wording("pl"))).toContain("wartość wynosi od 100,00 do 250,50 i nie jest jeszcze opłacone");
    expect(describeRule(spec, wording("en"))).toContain("the total is between 100.00 and 250.50 and it is not paid yet");
  });
});

describe("a parcel rule in words", () => {
  const parcelRule = (events: ("delivered" | "returned_to_sender")[], carriers: string[]): Pick<RuleSpec, "trigger" | "conditions" | "actions"> => ({
    trigger: { type: "parcel_event", events, carriers },
    conditions: none,
    actions: [{ type: "set_status", statusCode: "in_progress" }],
  });

  it("names the events and the carriers it waits for, in either language", () => {
    const spec = parcelRule(["delivered", "returned_to_sender"], ["inpost", "poczta_polska"]);
    expect(describeRule(spec, wording("pl"))).toBe(
      "Gdy InPost lub Poczta Polska zgłosi, że przesyłka jest doręczona lub zwrócona do nadawcy, ustaw status „W realizacji”.",
    );
    expect(describeRule(spec, wording("en"))).toBe("When InPost or Poczta Polska reports the parcel delivered or returned to sender, set the status to W realizacji.");
  });

  it("says any event and any carrier when it names none", () => {
    expect(describeRule(parcelRule([], []), wording("pl"))).toBe("Gdy przewoźnik zgłosi zdarzenie przesyłki, ustaw status „W realizacji”.");
    expect(describeRule(parcelRule([], []), wording("en"))).toBe("When a carrier reports a parcel event, set the status to W realizacji.");
  });
});

describe("what an action did", () => {
  it("comes from the run's catalogue message when it has one", () => {
    const outcome = { index: 0, type: "set_status" as const, outcome: "done" as const, summary: "Status set to X", said: { key: "statusSet" as const, values: { status: "W realizacji" } } };
    expect(outcomeText(outcome, rule, wording("pl"))).toBe("Ustawiono status W realizacji");
    expect(outcomeText(outcome, rule, wording("en"))).toBe("Status set to W realizacji");
  });

  it("words a failure by its reason code, never by the server's English", () => {
    const failed = { index: 0, type: "set_status" as const, outcome: "failed" as const, summary: "Not allowed: x → y", reason: "transition_not_allowed" };
    expect(outcomeText(failed, rule, wording("pl"))).toBe("ustaw status „W realizacji” — proces nie pozwala na tę zmianę");
    expect(reasonText("something_new", wording("pl").t)).toBe("nieznany błąd");
  });

  it("counts queued messages with Polish plural forms", () => {
    const queued = (count: number) =>
      outcomeText(
        { index: 0, type: "send_message", outcome: "done", summary: "", said: { key: "messageQueued", values: { status: "Nowe", channel: "sms", to: "+48 600", count } } },
        undefined,
        wording("pl"),
      );
    expect(queued(1)).toContain("(1 nowa)");
    expect(queued(3)).toContain("(3 nowe)");
    expect(queued(5)).toContain("(5 nowych)");
  });
});

describe("the editor's field errors", () => {
  it("are worded per field in the reader's language, naming an unknown variable", () => {
    const errors = ruleFieldErrors(
      { name: ["Give the rule a name"], "actions.0.body": ["Unknown variable"], "conditions.countries.0": ["Use two-letter country codes like PL"] },
      wording("pl").t,
      () => [{ variable: "orderNumbr", suggestion: "orderNumber", message: "" }],
    );
    expect(errors).toEqual({
      name: ["Nadaj regule nazwę (do 120 znaków)."],
      "actions.0.body": ["Nieznana zmienna {{orderNumbr}}: czy chodziło o {{orderNumber}}?"],
      "conditions.countries.0": ["Użyj dwuliterowych kodów krajów, np. PL."],
    });
  });
});
