import { bilingual } from "./define";

/** A note on the order page, written without a status change (components/orders/note-form.tsx). */
export const notes = bilingual({
  pl: {
    card: "Notatka",
    text: "Treść notatki",
    textHint: "Bez zmiany statusu. Notatka wewnętrzna jest widoczna tylko dla zespołu.",
    visibility: "Kto widzi notatkę",
    customerVisible: "Widoczna dla klienta (na stronie śledzenia zamówienia)",
    emailCustomer: "Wyślij ją klientowi e-mailem",
    noEmail: "Klient nie podał adresu e-mail.",
    submit: "Dodaj notatkę",
    historyLabel: "Notatka",
    added: "Dodano notatkę do zamówienia {number}.",
    addedEmailed: "Dodano notatkę do zamówienia {number}; e-mail do klienta czeka w kolejce.",
    errors: {
      required: "Wpisz treść notatki.",
      noEmail: "Klient nie ma adresu e-mail.",
      notVisible: "E-mailem można wysłać tylko notatkę widoczną dla klienta.",
    },
  },
  en: {
    card: "Note",
    text: "Note",
    textHint: "No status change. An internal note is seen by the team only.",
    visibility: "Who sees the note",
    customerVisible: "Visible to the customer (on the order's tracking page)",
    emailCustomer: "Email it to the customer",
    noEmail: "The customer gave no email address.",
    submit: "Add note",
    historyLabel: "Note",
    added: "Note added to order {number}.",
    addedEmailed: "Note added to order {number}; the email to the customer is queued.",
    errors: {
      required: "Write the note.",
      noEmail: "The customer has no email address.",
      notVisible: "Only a note the customer may see can be emailed.",
    },
  },
});
