import type { ReactNode } from "react";

/** The frame of the pages before signing in: sign-in, set a password, forgot password. */
export function AuthCard({ appName, title, children }: { appName: string; title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-2xl font-bold tracking-tight text-blue-800">{appName}</p>
          <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
