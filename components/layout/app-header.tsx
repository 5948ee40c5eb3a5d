import Link from "next/link";
import type { SessionUser } from "@/lib/auth";

export function AppHeader({ user, signOutAction }: { user: SessionUser; signOutAction: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/orders" className="text-lg font-bold tracking-tight text-blue-800">
          Orderly
        </Link>
        <nav aria-label="Main" className="flex gap-1 text-sm">
          <Link href="/board" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
            Board
          </Link>
          <Link href="/orders" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
            Orders
          </Link>
          <Link href="/scan" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
            Scan
          </Link>
          <Link href="/analytics" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
            Analytics
          </Link>
          {user.role === "admin" && (
            <Link href="/admin" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              Admin
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600">
            {user.name} <span className="text-slate-400">({user.role})</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
