import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { AuthCard } from "@/components/accounts/auth-card";
import { AccountsTexts } from "@/components/accounts/public-texts";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { inspectToken } from "@/lib/accounts/tokens";
import { eq } from "drizzle-orm";
import { setPasswordAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("accounts.password");
  return { title: t("title"), referrer: "no-referrer" as const };
}

/**
 * A one-time link's page: the form while the link works, otherwise a clear page saying why not
 * (used or replaced, expired, unknown) and what to do. Looking does not use the link up.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = await getDb();
  const [found, t, tc] = await Promise.all([inspectToken(db, token), getTranslations("accounts.password"), getTranslations("common")]);
  const [person] = found.state === "usable" ? await db.select({ name: users.name, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, found.token.userId)) : [];

  if (found.state !== "usable" || !person || person.disabledAt) {
    const state = found.state === "expired" ? "expired" : found.state === "unknown" ? "unknown" : "used";
    return (
      <AuthCard appName={tc("appName")} title={t(`${state}Title`)}>
        <div className="space-y-4 text-sm text-slate-700">
          <Alert tone="warning">{t(state)}</Alert>
          <p>{t("whatNow")}</p>
          <div className="flex flex-col gap-2">
            <Link href="/forgot-password" className={buttonClasses("primary", "w-full")}>
              {t("forgot")}
            </Link>
            <Link href="/login" className={buttonClasses("secondary", "w-full")}>
              {t("backToSignIn")}
            </Link>
          </div>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard appName={tc("appName")} title={t("title")}>
      <p className="text-sm text-slate-700">{t("welcome", { name: person.name, email: person.email })}</p>
      <AccountsTexts>
        <SetPasswordForm token={token} action={setPasswordAction} />
      </AccountsTexts>
    </AuthCard>
  );
}
