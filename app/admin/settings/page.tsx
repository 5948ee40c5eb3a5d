import { SettingsForm } from "@/components/settings/settings-form";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth";
import { getSettings } from "@/lib/settings";
import { saveSettingsAction } from "./actions";

export const metadata = { title: "Shop settings" };

export default async function SettingsPage() {
  await requirePageUser("admin");
  const settings = await getSettings(await getDb());
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Shop settings</h1>
        <p className="text-sm text-slate-600">What customers see on the tracking page and in messages.</p>
      </div>
      <SettingsForm settings={settings} action={saveSettingsAction} />
    </div>
  );
}
