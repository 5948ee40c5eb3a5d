import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/settings/settings-form";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getSettings } from "@/lib/settings";
import { currentTimeZoneOptions } from "@/lib/time-zones";
import { saveSettingsAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("metaTitle") };
}

export default async function SettingsPage() {
  await requirePageUser("admin");
  const [settings, t] = await Promise.all([getDb().then(getSettings), getTranslations("settings")]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <SettingsForm settings={settings} action={saveSettingsAction} timeZones={currentTimeZoneOptions()} />
    </div>
  );
}
