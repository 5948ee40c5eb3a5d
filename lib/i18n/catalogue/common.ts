import { bilingual } from "./define";

/** What every staff and admin screen shares: the header, the account menu, generic buttons and states. */
export const common = bilingual({
  pl: {
    appName: "Orderly",
    nav: { main: "Główne menu", board: "Tablica", orders: "Zamówienia", scan: "Skanowanie", analytics: "Analityka", admin: "Administracja" },
    roles: { admin: "Administrator", staff: "Pracownik" },
    account: {
      menu: "Konto",
      signOut: "Wyloguj",
      language: "Język ekranów",
      languageAuto: "Jak w przeglądarce",
      languageSaved: "Zapisano język ekranów.",
    },
    languages: { pl: "Polski", en: "English" },
    /** A language named in the reader's language, in a sentence or a list; `languages` is each in its own, for the switch. */
    languageNames: { pl: "polski", en: "angielski" },
    nameTranslations: { nameIn: "Nazwa ({language})", hint: "Nazwa w każdym języku ekranów. Puste pole: używana jest nazwa powyżej." },
    actions: { save: "Zapisz", cancel: "Anuluj", delete: "Usuń", close: "Zamknij", confirm: "Potwierdź", retry: "Spróbuj ponownie", back: "Wróć" },
    states: { loading: "Wczytywanie…", saving: "Zapisywanie…", empty: "Nic tu jeszcze nie ma.", done: "Gotowe." },
    file: { choose: "Wybierz plik…", none: "Nie wybrano pliku" },
    /** The sales channels that are words, not brands, by the code orders carry (lib/channel-name.ts). */
    salesChannels: { shop: "Sklep internetowy", phone: "Telefon", email: "E-mail", store: "Sklep stacjonarny", b2b: "Platforma B2B" },
    duration: {
      justNow: "przed chwilą",
      days: "{days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}",
      daysHours: "{days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}} {hours} godz.",
      hours: "{hours} godz.",
      hoursMinutes: "{hours} godz. {minutes} min",
      minutes: "{minutes} min",
    },
    errors: {
      title: "Coś poszło nie tak",
      body: "Nie udało się wyświetlić tej strony. Spróbuj ponownie za chwilę.",
      checkFields: "Sprawdź: {fields}",
    },
  },
  en: {
    appName: "Orderly",
    nav: { main: "Main", board: "Board", orders: "Orders", scan: "Scan", analytics: "Analytics", admin: "Admin" },
    roles: { admin: "Admin", staff: "Staff" },
    account: {
      menu: "Account",
      signOut: "Sign out",
      language: "Screen language",
      languageAuto: "As in the browser",
      languageSaved: "Screen language saved.",
    },
    languages: { pl: "Polski", en: "English" },
    languageNames: { pl: "Polish", en: "English" },
    nameTranslations: { nameIn: "Name ({language})", hint: "The name in each screen language. Empty: the name above is used." },
    actions: { save: "Save", cancel: "Cancel", delete: "Delete", close: "Close", confirm: "Confirm", retry: "Try again", back: "Back" },
    states: { loading: "Loading…", saving: "Saving…", empty: "Nothing here yet.", done: "Done." },
    file: { choose: "Choose a file…", none: "No file chosen" },
    salesChannels: { shop: "Online shop", phone: "Phone", email: "Email", store: "In store", b2b: "B2B platform" },
    duration: {
      justNow: "just now",
      days: "{days} d",
      daysHours: "{days} d {hours} h",
      hours: "{hours} h",
      hoursMinutes: "{hours} h {minutes} min",
      minutes: "{minutes} min",
    },
    errors: {
      title: "Something went wrong",
      body: "This page could not be shown. Try again in a moment.",
      checkFields: "Please check: {fields}",
    },
  },
});
