import { z } from "zod";
import type { SettingsInput, SettingsProblem } from "@/lib/settings";

const COURIER_LINKS_UNREADABLE: SettingsProblem = "courierLinksUnreadable";

/**
 * The courier links arrive as one JSON text (a hidden field the links editor fills). Text that
 * is not a JSON object is refused on the field: read as `{}`, it would wipe every saved link.
 * Each link is checked afterwards by the settings service.
 */
const courierLinksText = z.string().transform((text, ctx): Record<string, string> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, string>;
  ctx.addIssue({ code: "custom", message: COURIER_LINKS_UNREADABLE });
  return z.NEVER;
});

/** The settings form's flat fields, as the browser sends them. */
export const settingsFormSchema = z.object({
  shopName: z.string().default(""),
  defaultLocale: z.string().default("pl"),
  staffLocale: z.string().default("pl"),
  timeZone: z.string().default("Europe/Warsaw"),
  // A checkbox: sent as "on" when ticked, not at all otherwise.
  smsTransliterate: z.string().optional(),
  brandColour: z.string().default(""),
  supportEmail: z.string().default(""),
  supportPhone: z.string().default(""),
  senderEmail: z.string().default(""),
  bankAccount: z.string().default(""),
  appUrl: z.string().default(""),
  smsPriceDomestic: z.coerce.number().default(0),
  smsPriceForeign: z.coerce.number().default(0),
  messageHoldSeconds: z.coerce.number().default(30),
  duplicateWindowHours: z.coerce.number().default(24),
  courierTrackingLinks: courierLinksText.default({}),
  logoDataUrl: z.string().default(""),
  sellerName: z.string().default(""),
  sellerTaxId: z.string().default(""),
  sellerAddress: z.string().default(""),
});

/** The form's fields shaped into the settings service's input. */
export function settingsInputFromForm(form: z.infer<typeof settingsFormSchema>): SettingsInput {
  return {
    ...form,
    defaultLocale: form.defaultLocale === "en" ? "en" : "pl",
    staffLocale: form.staffLocale === "en" ? "en" : "pl",
    smsTransliterate: form.smsTransliterate !== undefined,
    // Prices are typed in złoty with grosze; stored in minor units.
    smsPriceDomestic: Math.round(form.smsPriceDomestic * 100),
    smsPriceForeign: Math.round(form.smsPriceForeign * 100),
    logoDataUrl: form.logoDataUrl || null,
  };
}
