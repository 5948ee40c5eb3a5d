"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { ok } from "@/lib/result";
import { updateSettings } from "@/lib/settings";
import { settingsFormSchema, settingsInputFromForm } from "@/lib/settings-form";

export const saveSettingsAction = serverAction({
  role: "admin",
  schema: settingsFormSchema,
  handler: async (form, user) => {
    // The reply carries nothing back: the saved settings (with the logo) are the page's to show.
    const result = await updateSettings(await getDb(), settingsInputFromForm(form), actorOf(user));
    return result.ok ? ok(null) : result;
  },
  // The shop's name, colours and contacts show on every page.
  revalidate: () => revalidatePath("/", "layout"),
  message: (_value, _input, t) => t("settings.saved"),
});
