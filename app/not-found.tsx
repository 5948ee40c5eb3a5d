import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">Nothing here</h1>
      <p className="text-slate-600">The page or order you asked for does not exist.</p>
      <Link href="/orders" className={buttonClasses("secondary")}>
        Go to orders
      </Link>
    </main>
  );
}
