import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setMyLocaleAction } from "@/app/_actions/locale";
import { hasAccess, type SessionUser } from "@/lib/auth";
import { roleName } from "@/lib/i18n/role-name";
import { LanguageSwitch } from "./language-switch";

const LINK = "rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100";

export async function AppHeader({ user, signOutAction }: { user: SessionUser; signOutAction: (form: FormData) => Promise<void> }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/orders" className="text-lg font-bold tracking-tight text-blue-800">
          {t("appName")}
        </Link>
        <nav aria-label={t("nav.main")} className="flex gap-1 text-sm">
          <Link href="/board" className={LINK}>
            {t("nav.board")}
          </Link>
          <Link href="/orders" className={LINK}>
            {t("nav.orders")}
          </Link>
          {hasAccess(user, "scan") && (
            <Link href="/scan" className={LINK}>
              {t("nav.scan")}
            </Link>
          )}
          {hasAccess(user, "analytics") && (
            <Link href="/analytics" className={LINK}>
              {t("nav.analytics")}
            </Link>
          )}
          {hasAccess(user, "admin") && (
            <Link href="/admin" className={LINK}>
              {t("nav.admin")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <LanguageSwitch chosen={user.locale ?? "auto"} setLocale={setMyLocaleAction} />
          <Link href="/account" className="rounded-md px-2 py-1 text-slate-600 hover:text-slate-900 hover:underline">
            {user.name} <span className="text-slate-600">({roleName(user.role, (key) => t(`roles.${key}`))})</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className={LINK}>
              {t("account.signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
