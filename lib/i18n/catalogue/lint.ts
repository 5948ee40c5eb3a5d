import { bilingual } from "./define";

/**
 * The workflow lint's findings (lib/workflow/lint.ts) worded from their code and the statuses
 * they name (lib/i18n/lint-text.ts), for the lint panel, the overview and a refused write.
 */
export const lint = bilingual({
  pl: {
    title: "Kontrola procesu",
    list: "Problemy procesu",
    consistent: "Proces jest spójny.",
    summaryErrors:
      "{errors, plural, one {# błąd} few {# błędy} many {# błędów} other {# błędu}}, {warnings, plural, one {# ostrzeżenie} few {# ostrzeżenia} many {# ostrzeżeń} other {# ostrzeżenia}}.",
    summaryWarnings: "Bez błędów, {warnings, plural, one {# ostrzeżenie} few {# ostrzeżenia} many {# ostrzeżeń} other {# ostrzeżenia}}.",
    error: "Błąd",
    warning: "Ostrzeżenie",
    fix: "Popraw: zablokuj {from} → {to}",
    refused: "Odrzucono: ta zmiana zepsułaby proces.",
    refusedLine: "{orderType}: {issue}.",
    nothingChanged: "Niczego nie zmieniono. Każdy problem jest opisany w kontroli procesu.",
    issues: {
      initial_missing: "Status początkowy #{id} nie istnieje",
      initial_archived: "Status początkowy „{name}” jest zarchiwizowany: nowe zamówienia zaczynałyby się w statusie, którego nie można wybrać",
      initial_terminal: "Status początkowy „{name}” zamyka zamówienie: nowe zamówienia byłyby zakończone, zanim cokolwiek się wydarzy",
      unknown_status: "Przejście prowadzi do statusu #{id}, który nie istnieje",
      contradictory_path: "„{from}” prowadzi do „{to}”: prośba o płatność za zamówienie, które jest już zamknięte",
      archived_target: "„{from}” prowadzi do „{to}”, który jest zarchiwizowany i nie można go już wybrać",
      unreachable: "Do „{name}” nie da się dojść ze statusu początkowego",
      dead_end: "„{name}” nie ma wyjścia: zamówienia utknęłyby w tym statusie",
      terminal_exit: "„{name}” zamyka zamówienie, ale prowadzi dalej do: {targets}; sprawdź, czy ponowne otwarcie jest zamierzone",
      unpaid_gate:
        "„{name}” wymaga płatności, ale zamówienie może do niego dojść bez statusu z prośbą o płatność: nieopłacone zamówienia utknęłyby przed nim",
    },
  },
  en: {
    title: "Workflow check",
    list: "Workflow issues",
    consistent: "The process is consistent.",
    summaryErrors: "{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}.",
    summaryWarnings: "No errors, {warnings, plural, one {# warning} other {# warnings}}.",
    error: "Error",
    warning: "Warning",
    fix: "Fix: forbid {from} → {to}",
    refused: "Refused, this would break the process.",
    refusedLine: "{orderType}: {issue}.",
    nothingChanged: "Nothing was changed. Each problem is listed in the workflow check.",
    issues: {
      initial_missing: "The initial status #{id} does not exist",
      initial_archived: "The initial status {name} is archived: new orders would start in a status nobody can choose",
      initial_terminal: "The initial status {name} closes the order: new orders would be finished before anything happens",
      unknown_status: "A transition refers to status #{id}, which does not exist",
      contradictory_path: "{from} leads to {to}: asking for payment on an order that is already closed",
      archived_target: "{from} leads to {to}, which is archived and can no longer be chosen",
      unreachable: "{name} cannot be reached from the initial status",
      dead_end: "{name} has no way out: orders there would get stuck",
      terminal_exit: "{name} closes the order but leads on to {targets}; check that reopening is intended",
      unpaid_gate: "{name} requires payment, but orders can reach it without passing a status that asks for payment: unpaid orders would get stuck",
    },
  },
});
