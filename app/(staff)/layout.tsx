import { asFormAction } from "@/lib/action-result";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-out";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/auth";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("staff");
  // The whole catalogue for the client components of these screens (the root layout hands on
  // only the public texts).
  return (
    <NextIntlClientProvider>
      <AppHeader user={user} signOutAction={asFormAction(signOutAction)} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </NextIntlClientProvider>
  );
}
