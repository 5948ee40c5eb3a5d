import { bilingual } from "./define";

/**
 * What a status change would do, shown before it is made: on the order page, in the board's drop
 * dialog, in the list's status menu (one order) and in the bulk form (counts).
 */
export const effects = bilingual({
  pl: {
    title: "Co zrobi ta zmiana",
    titleFor: "Co zrobi przeniesienie do „{to}”",
    loading: "Sprawdzam, co zrobi zmiana…",
    failed: "Nie udało się sprawdzić, co zrobi zmiana. Możesz ją mimo to zatwierdzić.",
    pointAt: "Najedź na status lub przejdź do niego klawiszem Tab, aby zobaczyć, co zrobi zmiana.",
    refused: "Tej zmiany nie da się wykonać: {reason}",
    nothing: "Nie zostanie wysłana żadna wiadomość.",
    language: { pl: "po polsku", en: "po angielsku" },
    email: "E-mail do {to} ({language}): „{subject}”",
    sms: "SMS na numer {to} ({language})",
    alert: "Powiadomienie dla zespołu na {to} ({language}): „{subject}”",
    notSent: {
      skipped: "bez wysyłki: ta sama wiadomość poszła tam niedawno",
      unsendable: "bez wysyłki: to nie jest poprawny numer",
    },
    webhook: "Webhook {type} → {count, plural, one {# adres} few {# adresy} many {# adresów} other {# adresu}}",
    rule: "Reguła „{name}” zadziała: {actions}",
    endsIn: "Na koniec zamówienie będzie w statusie „{to}”.",
    confirm: {
      question: "Przenieść {number} do „{to}”?",
      move: "Przenieś do „{to}”",
    },
    bulk: {
      title: "Co zrobi zmiana zbiorcza",
      changing: "Zmieni się {count, number} z {total, plural, one {# zamówienia} few {# zamówień} many {# zamówień} other {# zamówienia}}.",
      refused: "Bez zmiany — {outcome}: {count, number}",
      emails: "{count, plural, one {# e-mail} few {# e-maile} many {# e-maili} other {# e-maila}} do klientów",
      sms: "{count, plural, one {# SMS} few {# SMS-y} many {# SMS-ów} other {# SMS-a}} do klientów",
      alerts: "{count, plural, one {# powiadomienie} few {# powiadomienia} many {# powiadomień} other {# powiadomienia}} dla zespołu",
      notSent: "{count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}} bez wysyłki (powtórka albo zły numer)",
      webhooks: "{count, plural, one {# wysyłka webhooka} few {# wysyłki webhooków} many {# wysyłek webhooków} other {# wysyłki webhooków}}",
      rule: "Reguła „{name}” zadziała dla {count, plural, one {# zamówienia} few {# zamówień} many {# zamówień} other {# zamówienia}}",
    },
  },
  en: {
    title: "What this change will do",
    titleFor: "What moving to {to} will do",
    loading: "Working out what the change will do…",
    failed: "Could not work out what the change will do. You can still confirm it.",
    pointAt: "Point at a status, or Tab to it, to see what the change will do.",
    refused: "This change cannot be made: {reason}",
    nothing: "No message will be sent.",
    language: { pl: "Polish", en: "English" },
    email: "Email to {to} ({language}): “{subject}”",
    sms: "SMS to {to} ({language})",
    alert: "Alert to the team at {to} ({language}): “{subject}”",
    notSent: {
      skipped: "not sent: the same message went there shortly before",
      unsendable: "not sent: this is not a valid number",
    },
    webhook: "Webhook {type} → {count, plural, one {# endpoint} other {# endpoints}}",
    rule: "Rule “{name}” would fire: {actions}",
    endsIn: "In the end the order would be in {to}.",
    confirm: {
      question: "Move {number} to {to}?",
      move: "Move to {to}",
    },
    bulk: {
      title: "What the bulk change will do",
      changing: "{count, number} of {total, plural, one {# order} other {# orders}} will change.",
      refused: "Not changed — {outcome}: {count, number}",
      emails: "{count, plural, one {# email} other {# emails}} to customers",
      sms: "{count, plural, one {# SMS} other {# SMS}} to customers",
      alerts: "{count, plural, one {# alert} other {# alerts}} to the team",
      notSent: "{count, plural, one {# message} other {# messages}} not sent (a repeat, or no valid number)",
      webhooks: "{count, plural, one {# webhook delivery} other {# webhook deliveries}}",
      rule: "Rule “{name}” would fire on {count, plural, one {# order} other {# orders}}",
    },
  },
});
