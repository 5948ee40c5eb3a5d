import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { hasAnyUser } from "@/db/queries/people";
import { getCurrentUser } from "@/lib/auth";
import { LoginForm } from "./login-form";

/** What a fresh installation's sign-in page tells whoever set it up (no open sign-up: accounts start here). */
const FIRST_ADMIN_COMMAND = 'npm run user:create -- --email you@example.com --name "Your Name" --role admin';

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect("/orders");
  const [t, tc, ta, anyone, params] = await Promise.all([
    getTranslations("auth"),
    getTranslations("common"),
    getTranslations("accounts.login"),
    getDb().then(hasAnyUser),
    searchParams,
  ]);
  // Handed over by the set-password page: the address whose password was just set.
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-2xl font-bold tracking-tight text-blue-800">{tc("appName")}</p>
          <h1 className="text-sm text-slate-600">{t("tagline")}</h1>
        </div>
        {!anyone && (
          <Alert tone="info">
            <p className="font-semibold">{ta("firstAdminTitle")}</p>
            <p className="mt-1">{ta("firstAdmin")}</p>
            <pre className="my-2 overflow-x-auto rounded bg-white/70 p-2 text-xs whitespace-pre-wrap">
              <code>{FIRST_ADMIN_COMMAND}</code>
            </pre>
            <p>{ta("firstAdminAfter")}</p>
          </Alert>
        )}
        <LoginForm initialEmail={email} />
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="text-blue-700 hover:underline">
            {ta("forgot")}
          </Link>
        </p>
      </div>
    </main>
  );
}
