import { bilingual } from "./define";

/** The small pages: not allowed (403) and not found (404). */
export const pages = bilingual({
  pl: {
    forbidden: {
      title: "Brak dostępu",
      heading: "Ta strona jest dla administratorów",
      body: "Twoja rola ({role}) nie otwiera tej części Orderly. Zamówienia obsłużysz na tablicy i liście; jeśli potrzebujesz dostępu, poproś administratora.",
      back: "Wróć do zamówień",
    },
    notFound: {
      title: "Nie znaleziono",
      heading: "Nic tu nie ma",
      body: "Strona lub zamówienie, o które pytasz, nie istnieje.",
      back: "Przejdź do zamówień",
    },
  },
  en: {
    forbidden: {
      title: "Not allowed",
      heading: "This page is for administrators",
      body: "Your role ({role}) does not open this part of Orderly. You can work orders on the board and the list; ask an administrator if you need access.",
      back: "Back to orders",
    },
    notFound: {
      title: "Not found",
      heading: "Nothing here",
      body: "The page or order you asked for does not exist.",
      back: "Go to orders",
    },
  },
});
