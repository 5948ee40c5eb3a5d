import { asFormAction } from "@/lib/action-result";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-out";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppAddressWarning } from "@/components/admin/app-address-warning";
import { AppHeader } from "@/components/layout/app-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getSettings } from "@/lib/settings";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("admin");
  const { appUrl } = await getDb().then(getSettings);
  // The whole catalogue for the client components of these screens (the root layout hands on
  // only the public texts).
  return (
    <NextIntlClientProvider>
      <AppHeader user={user} signOutAction={asFormAction(signOutAction)} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <AppAddressWarning address={appUrl} compact={process.env.NODE_ENV !== "production"} />
        <AdminNav />
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
