import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-out";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("admin");
  return (
    <>
      <AppHeader user={user} signOutAction={signOutAction} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <AdminNav />
        {children}
      </main>
    </>
  );
}
