import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="text-2xl font-semibold">This page is for administrators</h1>
      <p className="text-slate-600">Your account can work orders but cannot change the shop&apos;s setup. Ask an administrator if you need access.</p>
      <Link href="/orders" className={buttonClasses("secondary")}>
        Back to orders
      </Link>
    </main>
  );
}
