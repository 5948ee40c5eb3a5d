import { getTranslations } from "next-intl/server";
import { setMyLocaleAction } from "@/app/_actions/locale";
import { NameForm } from "@/components/accounts/name-form";
import { PasswordChangeForm } from "@/components/accounts/password-change-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { roleName } from "@/lib/i18n/role-name";
import { changeMyNameAction, changeMyPasswordAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("accounts.account");
  return { title: t("title") };
}

/** Every member's own account: name, password, screen language. */
export default async function AccountPage() {
  const user = await requirePageUser("staff");
  const [t, tc] = await Promise.all([getTranslations("accounts.account"), getTranslations("common")]);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-600">{t("role")}</dt>
        <dd>{roleName(user.role, (key) => tc(`roles.${key}`))}</dd>
      </dl>
      <Card title={t("nameSection")}>
        <NameForm name={user.name} action={changeMyNameAction} />
      </Card>
      <Card title={t("passwordSection")}>
        <PasswordChangeForm action={changeMyPasswordAction} />
      </Card>
      <Card title={t("languageSection")}>
        <LanguageSwitch chosen={user.locale ?? "auto"} setLocale={setMyLocaleAction} />
      </Card>
    </div>
  );
}
