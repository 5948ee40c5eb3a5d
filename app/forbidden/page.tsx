import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth";
import { roleName } from "@/lib/i18n/role-name";

export async function generateMetadata() {
  const t = await getTranslations("pages.forbidden");
  return { title: t("title") };
}

export default async function ForbiddenPage() {
  const [t, tc, user] = await Promise.all([getTranslations("pages.forbidden"), getTranslations("common"), getCurrentUser()]);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-red-700">{"403"}</p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-slate-600">{t("body", { role: user ? roleName(user.role, (key) => tc(`roles.${key}`)) : tc("roles.staff") })}</p>
      <Link href="/orders" className={buttonClasses("secondary")}>
        {t("back")}
      </Link>
    </main>
  );
}
