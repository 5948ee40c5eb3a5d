"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { toActionState, type ActionState } from "@/lib/action-state";
import { authedAction } from "@/lib/auth";
import { updateSettings } from "@/lib/settings";

/** The form's flat fields, shaped into the settings service's input. */
const formSchema = z.object({
  shopName: z.string().default(""),
  defaultLocale: z.string().default("pl"),
  brandColour: z.string().default(""),
  supportEmail: z.string().default(""),
  supportPhone: z.string().default(""),
  senderEmail: z.string().default(""),
  bankAccount: z.string().default(""),
  appUrl: z.string().default(""),
  smsPriceDomestic: z.coerce.number().default(0),
  smsPriceForeign: z.coerce.number().default(0),
  courierTrackingLinks: z.string().default("{}"),
  logoDataUrl: z.string().default(""),
  sellerName: z.string().default(""),
  sellerTaxId: z.string().default(""),
  sellerAddress: z.string().default(""),
});

const save = authedAction({ role: "admin", schema: formSchema }, async (form) => {
  let links: Record<string, string> = {};
  try {
    links = JSON.parse(form.courierTrackingLinks) as Record<string, string>;
  } catch {
    links = {};
  }
  const result = await updateSettings(await getDb(), {
    ...form,
    defaultLocale: form.defaultLocale === "en" ? "en" : "pl",
    // Prices are typed in złoty with grosze; stored in minor units.
    smsPriceDomestic: Math.round(form.smsPriceDomestic * 100),
    smsPriceForeign: Math.round(form.smsPriceForeign * 100),
    courierTrackingLinks: links,
    logoDataUrl: form.logoDataUrl || null,
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
});

export async function saveSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return toActionState(await save(Object.fromEntries(formData)), () => "Settings saved.");
}
