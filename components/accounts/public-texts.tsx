import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * The texts the client forms of the pages before sign-in read: the public ones the root layout
 * hands on, plus this slice's `accounts` namespace (never the staff screens' catalogue).
 */
export async function AccountsTexts({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  const picked = { common: messages.common, refusals: messages.refusals, auth: messages.auth, pages: messages.pages, accounts: messages.accounts };
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
