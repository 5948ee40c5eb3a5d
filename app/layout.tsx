import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orderly", template: "%s · Orderly" },
  icons: { icon: "/icon.svg" },
};

// What client components outside the staff and admin screens read (sign-in, the small pages).
// The staff and admin layouts hand on the whole catalogue; a customer's page carries none of it.
const PUBLIC_NAMESPACES = ["common", "refusals", "auth", "pages"] as const;

// The request's language (lib/i18n/request.ts) marks the whole document, customer pages included;
// the provider hands the same language, time zone and the public texts to client components.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const publicMessages = Object.fromEntries(PUBLIC_NAMESPACES.map((name) => [name, messages[name]]));
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={publicMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
