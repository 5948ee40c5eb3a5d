import { bilingual } from "./define";

/** The sign-in page: it follows the browser's language, as nobody is signed in yet. */
export const auth = bilingual({
  pl: {
    title: "Logowanie",
    tagline: "Zaloguj się, aby zarządzać zamówieniami",
    email: "E-mail",
    password: "Hasło",
    signIn: "Zaloguj się",
    signingIn: "Logowanie…",
    wrongCredentials: "Nieprawidłowy e-mail lub hasło.",
    throttled:
      "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.",
    errors: { email: "Podaj poprawny adres e-mail", password: "Podaj hasło" },
  },
  en: {
    title: "Sign in",
    tagline: "Sign in to manage your orders",
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    wrongCredentials: "Wrong email or password.",
    throttled: "Too many failed sign-ins. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
    errors: { email: "Enter a valid email address", password: "Enter your password" },
  },
});
