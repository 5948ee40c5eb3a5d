import { bilingual } from "./define";

/** The Kanban board: columns, cards, drag and drop, the change dialog and live updates. */
export const board = bilingual({
  pl: {
    loading: "Wczytywanie tablicy",
    noOrderTypes: "Nie ma jeszcze typów zamówień. Administrator dodaje je w panelu Administracja.",
    noStatuses: "Ten typ zamówienia nie ma jeszcze statusów.",
    live: {
      on: "Na żywo",
      reconnecting: "Ponowne łączenie…",
      offline: "Aktualizacje wstrzymane: brak połączenia",
      hint: "Zmiany wprowadzone przez innych pojawiają się w ciągu sekundy",
      reconnectingHint: "Połączenie na żywo zostało przerwane: do czasu jego powrotu zmiany pojawiają się co kilka sekund",
    },
    group: {
      label: "Grupa statusów: {name}",
      hidden: "{count, plural, one {# kolumna ukryta} few {# kolumny ukryte} many {# kolumn ukrytych} other {# kolumny ukrytej}}",
    },
    column: {
      count: "{count, plural, one {# zamówienie} few {# zamówienia} many {# zamówień} other {# zamówienia}}",
      countCapped: "ponad {cap} zamówień",
      ordersIn: "Zamówienia w statusie {status}",
      empty: "Brak zamówień",
      showMore: "Pokaż kolejne {shown, number} (zostało {rest})",
    },
    card: {
      roleDescription: "przeciągana karta zamówienia",
      label: "Zamówienie {number}, {customer}",
      inStatus: "W statusie: {duration}",
      overdue: "⚠ Po terminie · w statusie: {duration}",
      overSla: "Przekroczono czas na ten status ({hours, number} godz.)",
    },
    drop: {
      notAllowedFrom: "Niedozwolone ze statusu „{from}”",
      paymentRequired: "Przed statusem „{to}” zamówienie musi być opłacone",
      archived: "Status „{to}” jest zarchiwizowany",
      notPermitted: "Twoja rola nie pozwala przenosić zamówień do tego statusu",
      refused: "Zamówienia {number} nie można przenieść do statusu „{to}”. {reason}.",
    },
    moved:
      "Przeniesiono zamówienie {number}.{queued, plural, =0 {} one { # powiadomienie czeka na wysłanie.} few { # powiadomienia czekają na wysłanie.} many { # powiadomień czeka na wysłanie.} other { # powiadomienia czeka na wysłanie.}}",
    conflict: "Zamówienie {number} zmienił w międzyczasie ktoś inny. Karta pokazuje teraz, gdzie zamówienie naprawdę jest.",
    noAnswer: "Nie udało się przenieść zamówienia {number}: serwer nie odpowiedział. Nic nie zostało zmienione.",
    dismiss: "Zamknij komunikat",
    dialog: {
      title: "Przenieś {number} do statusu „{to}”",
      notifies:
        "{channels, select, both {Status „{to}” wysyła klientowi e-mail i SMS.} email {Status „{to}” wysyła klientowi e-mail.} sms {Status „{to}” wysyła klientowi SMS.} other {Status „{to}” nie wysyła klientowi wiadomości.}}",
      confirm: "Przenieś do „{to}”",
    },
    announce: {
      pickedUp: "Podniesiono zamówienie {number}.",
      over: "Zamówienie {number} nad kolumną {where}.",
      overNone: "Zamówienie {number} nie jest nad żadną kolumną.",
      dropped: "Upuszczono zamówienie {number} na kolumnę {where}.",
      droppedNone: "Upuszczono zamówienie {number} poza kolumnami.",
      cancelled: "Anulowano przenoszenie zamówienia {number}.",
      blocked: "{status}: nie można tu upuścić, {reason}",
      source: "{status}, tu jest teraz",
      allowed: "{status}: można upuścić",
      instructions:
        "Aby przenieść zamówienie, naciśnij spację lub Enter, żeby je podnieść. Strzałkami w lewo i w prawo przechodź między kolumnami statusów, a potem naciśnij spację lub Enter, żeby je upuścić, albo Escape, żeby anulować.",
    },
  },
  en: {
    loading: "Loading the board",
    noOrderTypes: "No order types yet. An administrator sets them up under Admin.",
    noStatuses: "This order type has no statuses yet.",
    live: {
      on: "Live",
      reconnecting: "Reconnecting…",
      offline: "Live updates paused: connection lost",
      hint: "Changes made by others appear within a second",
      reconnectingHint: "The live connection dropped: until it is back, changes appear every few seconds",
    },
    group: {
      label: "{name} group",
      hidden: "{count, plural, one {# column hidden} other {# columns hidden}}",
    },
    column: {
      count: "{count, plural, one {# order} other {# orders}}",
      countCapped: "more than {cap} orders",
      ordersIn: "Orders in {status}",
      empty: "No orders",
      showMore: "Show {shown, number} more of {rest}",
    },
    card: {
      roleDescription: "draggable order card",
      label: "Order {number}, {customer}",
      inStatus: "{duration} in status",
      overdue: "⚠ Overdue · {duration} in status",
      overSla: "Over the {hours, number} h SLA of this status",
    },
    drop: {
      notAllowedFrom: "Not allowed from {from}",
      paymentRequired: "Payment required before {to}",
      archived: "{to} is archived",
      notPermitted: "Your role may not move orders into this status",
      refused: "Order {number} cannot move to {to}: {reason}.",
    },
    moved: "Order {number} moved.{queued, plural, =0 {} one { # notification queued.} other { # notifications queued.}}",
    conflict: "Order {number} was changed by someone else in the meantime. The card now shows where the order really is.",
    noAnswer: "Order {number} could not be moved: the server did not answer. Nothing was changed.",
    dismiss: "Dismiss message",
    dialog: {
      title: "Move {number} to {to}",
      notifies:
        "{channels, select, both {{to} sends the customer an email and an SMS.} email {{to} sends the customer an email.} sms {{to} sends the customer an SMS.} other {{to} sends no customer messages.}}",
      confirm: "Move to {to}",
    },
    announce: {
      pickedUp: "Picked up order {number}.",
      over: "Order {number} is over {where}.",
      overNone: "Order {number} is over no column.",
      dropped: "Order {number} dropped on {where}.",
      droppedNone: "Order {number} dropped on no column.",
      cancelled: "Moving order {number} was cancelled.",
      blocked: "{status}: cannot drop here, {reason}",
      source: "{status}, where it is now",
      allowed: "{status}: drop allowed",
      instructions:
        "To move an order, press space or enter to pick it up. Use the left and right arrow keys to move between status columns, then press space or enter to drop it, or escape to cancel.",
    },
  },
});
