import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/accounts/auth-card";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { AccountsTexts } from "@/components/accounts/public-texts";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("accounts.forgot");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const [t, tc] = await Promise.all([getTranslations("accounts.forgot"), getTranslations("common")]);
  return (
    <AuthCard appName={tc("appName")} title={t("title")}>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <AccountsTexts>
        <ForgotPasswordForm action={forgotPasswordAction} />
      </AccountsTexts>
      <p className="text-center text-sm">
        <Link href="/login" className="text-blue-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
