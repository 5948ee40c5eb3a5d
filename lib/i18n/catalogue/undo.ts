import { bilingual } from "./define";

/** "Undo" after a status change, while its messages are held (board, order page, list, bulk report). */
export const undo = bilingual({
  pl: {
    button: "Cofnij ({seconds, number} s)",
    undoing: "Cofanie…",
    all: "Cofnij wszystkie ({seconds, number} s)",
    held: "Klient dostanie wiadomość za {seconds, plural, one {# sekundę} few {# sekundy} many {# sekund} other {# sekundy}}, jeśli nie cofniesz zmiany.",
    done: "Cofnięto zmianę zamówienia {number}. Klient nie dostał wiadomości.",
    batchDone: "Cofnięto {undone, number} z {total, plural, one {# zmiany} few {# zmian} many {# zmian} other {# zmiany}}.",
    batchReport: "Wynik cofania",
    undone: "Cofnięto",
  },
  en: {
    button: "Undo ({seconds, number} s)",
    undoing: "Undoing…",
    all: "Undo all ({seconds, number} s)",
    held: "The customer gets the message in {seconds, plural, one {# second} other {# seconds}} unless you undo the change.",
    done: "Order {number}'s change was undone. The customer got no message.",
    batchDone: "Undid {undone, number} of {total, plural, one {# change} other {# changes}}.",
    batchReport: "Undo result",
    undone: "Undone",
  },
});
