import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { lintWorkflow } from "@/lib/workflow";
import type { WorkflowStatus } from "@/lib/workflow/types";
import { lintMessage, listIn } from "./lint-text";
import { messages } from "./messages";

const status = (id: number, name: string, extra: Partial<WorkflowStatus> = {}): WorkflowStatus =>
  ({ id, code: `s${id}`, name, groupKind: "in_progress", archived: false, requiresPayment: false, allowCashOnDelivery: false, awaitsPayment: false, ...extra }) as WorkflowStatus;

describe("lintMessage", () => {
  const names: Record<number, string> = { 1: "Nowe", 2: "Wysłane", 3: "Anulowane", 4: "Zrealizowane" };
  const nameOf = (id: number) => names[id] ?? `#${id}`;

  it("words every finding from its code and statuses, in both languages", () => {
    const issues = lintWorkflow({
      initialStatusId: 1,
      statuses: [status(1, "Nowe"), status(2, "Wysłane"), status(3, "Anulowane", { groupKind: "not_completed" }), status(4, "Zrealizowane", { groupKind: "completed" })],
      transitions: [
        { from: 1, to: 2 },
        { from: 3, to: 1 },
        { from: 3, to: 2 },
        { from: 1, to: 99 },
      ],
    });
    const pl = createTranslator({ locale: "pl", messages: messages.pl, namespace: "lint" });
    const en = createTranslator({ locale: "en", messages: messages.en, namespace: "lint" });
    const texts = issues.map((issue) => {
      const m = lintMessage(issue, nameOf, listIn("pl"));
      return pl(`issues.${m.key}`, m.values as never);
    });
    expect(texts).toContain("Przejście prowadzi do statusu #99, który nie istnieje");
    expect(texts).toContain("„Wysłane” nie ma wyjścia: zamówienia utknęłyby w tym statusie");
    expect(texts).toContain("„Anulowane” zamyka zamówienie, ale prowadzi dalej do: Nowe i Wysłane; sprawdź, czy ponowne otwarcie jest zamierzone");
    const exit = issues.find((i) => i.code === "terminal_exit")!;
    const m = lintMessage(exit, nameOf, listIn("en"));
    expect(en(`issues.${m.key}`, m.values as never)).toBe("Anulowane closes the order but leads on to Nowe and Wysłane; check that reopening is intended");
  });

  it("takes the names it is given, not the lint's English message", () => {
    expect(lintMessage({ code: "contradictory_path", statusIds: [4, 2] }, nameOf)).toEqual({
      key: "contradictory_path",
      values: { from: "Zrealizowane", to: "Wysłane" },
    });
    expect(lintMessage({ code: "initial_missing", statusIds: [7] }, nameOf)).toEqual({ key: "initial_missing", values: { id: 7 } });
  });
});
