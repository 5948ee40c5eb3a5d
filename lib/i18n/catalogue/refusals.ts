import { bilingual } from "./define";

/**
 * Why the server refused, by the refusal's code (and, where the code has one, its reason), in the
 * reader's language. Screens never show or match the server's English `message`; the API keeps it
 * as the problem's `detail`.
 */
export const refusals = bilingual({
  pl: {
    not_found: "Tego już nie ma: odśwież stronę.",
    transition_not_allowed: "Z tego statusu nie można przejść do wybranego.",
    transitionNotAllowedTo: "Z tego statusu nie można przejść do „{to}”.",
    guard_failed: "Ta zmiana jest teraz zablokowana.",
    guardReasons: {
      payment_required: "Najpierw zamówienie musi zostać opłacone.",
      archived: "Ten status jest zarchiwizowany.",
    },
    status_not_permitted: "Twoja rola nie pozwala przenosić zamówień do tego statusu.",
    undo_refused: "Tej zmiany nie można już cofnąć.",
    editing_not_allowed: "W tym statusie zamówienia nie można edytować.",
    undoReasons: {
      not_undoable: "Cofnąć można tylko zmianę statusu.",
      changed_since: "Zamówienie zmieniło się od tego czasu: cofnąć można tylko ostatnią zmianę.",
      hold_over: "Za późno: wiadomości tej zmiany już nie czekają.",
      already_sent: "Wiadomość tej zmiany już wyszła do klienta.",
      not_yours: "Cofnąć zmianę może tylko osoba, która ją zrobiła, albo administrator.",
    },
    statusNotPermittedTo: "Twoja rola nie pozwala przenosić zamówień do statusu „{to}”.",
    version_conflict: "Ktoś inny zmienił to zamówienie w międzyczasie. Odśwież i spróbuj ponownie.",
    versionConflictOrder: "Zamówienie {number} zmienił w międzyczasie ktoś inny. Odśwież i spróbuj ponownie.",
    validation_failed: "Sprawdź wpisane dane.",
    forbidden: "Nie masz uprawnień do tej czynności.",
    unauthorized: "Zaloguj się ponownie.",
    last_admin: "To ostatni aktywny administrator sklepu: najpierw nadaj komuś innemu rolę administratora.",
    unknown: "Nie udało się. Spróbuj ponownie.",
    wouldStrandOrders: {
      one: "{count, plural, one {# zamówienie w statusie {status} ({orderType}) nie miałoby dalszej drogi.} few {# zamówienia w statusie {status} ({orderType}) nie miałyby dalszej drogi.} many {# zamówień w statusie {status} ({orderType}) nie miałoby dalszej drogi.} other {# zamówienia w statusie {status} ({orderType}) nie miałoby dalszej drogi.}}",
      many: "{count, plural, one {# zamówienie nie miałoby dalszej drogi} few {# zamówienia nie miałyby dalszej drogi} many {# zamówień nie miałoby dalszej drogi} other {# zamówienia nie miałoby dalszej drogi}}: {statuses}.",
    },
    workflow: {
      statusInUse: "Status {name} jest używany w zamówieniach, więc nie można go usunąć. Zarchiwizuj go.",
      statusIsInitial: "W statusie {name} zaczynają się zamówienia typu: {orderTypes}. Najpierw wybierz inny status początkowy.",
      groupNotEmpty: "Grupa {name} ma jeszcze statusy: najpierw przenieś je do innej grupy.",
    },
  },
  en: {
    not_found: "This is no longer there: reload the page.",
    transition_not_allowed: "This status cannot move to the one chosen.",
    transitionNotAllowedTo: "This status cannot move to “{to}”.",
    guard_failed: "This change is blocked for now.",
    guardReasons: {
      payment_required: "The order has to be paid first.",
      archived: "That status is archived.",
    },
    status_not_permitted: "Your role may not move orders into this status.",
    undo_refused: "This change can no longer be undone.",
    editing_not_allowed: "Orders in this status cannot be edited.",
    undoReasons: {
      not_undoable: "Only a status change can be undone.",
      changed_since: "The order changed again since: only its latest change can be undone.",
      hold_over: "Too late: this change's messages are no longer held.",
      already_sent: "A message of this change has already gone to the customer.",
      not_yours: "Only the person who made the change, or an admin, can undo it.",
    },
    statusNotPermittedTo: "Your role may not move orders into “{to}”.",
    version_conflict: "Someone else changed this order in the meantime. Reload and try again.",
    versionConflictOrder: "Order {number} was changed by someone else in the meantime. Reload and try again.",
    validation_failed: "Please check what you entered.",
    forbidden: "You are not allowed to do this.",
    unauthorized: "Please sign in again.",
    last_admin: "This is the shop's last active admin: make someone else an admin first.",
    unknown: "That did not work. Try again.",
    wouldStrandOrders: {
      one: "{count, plural, one {# order in {status} ({orderType}) would have no way forward.} other {# orders in {status} ({orderType}) would have no way forward.}}",
      many: "{count, plural, one {# order} other {# orders}} would have no way forward: {statuses}.",
    },
    workflow: {
      statusInUse: "{name} is used by orders, so it cannot be deleted. Archive it instead.",
      statusIsInitial: "{name} is where {orderTypes} orders start: choose another initial status first.",
      groupNotEmpty: "{name} still has statuses: move them to another group first.",
    },
  },
});
