import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys and ICU arguments: `t("board.noSuchKey")` or a missing `{count}` fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
