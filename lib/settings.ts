import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { settings, type Settings } from "@/db/schema";
import { checkTaxId } from "@/lib/documents/tax-id";
import { validationFailed, type Result } from "@/lib/result";

/** The shop's settings; the defaults stand in until an admin saves the first row. */
export async function getSettings(db: DbOrTx): Promise<Settings> {
  const [row] = await db.select().from(settings).limit(1);
  if (row) return row;
  const [created] = await db.insert(settings).values({}).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db.select().from(settings).limit(1);
  if (!existing) throw new Error("settings row could not be created");
  return existing;
}

const messageColumns = {
  shopName: settings.shopName,
  supportEmail: settings.supportEmail,
  supportPhone: settings.supportPhone,
  bankAccount: settings.bankAccount,
  appUrl: settings.appUrl,
  courierTrackingLinks: settings.courierTrackingLinks,
};

/** What a message's variables take from the settings. */
export type MessageSettings = Pick<Settings, keyof typeof messageColumns>;

// Read with every status change that may notify anyone: built once (see compileQuery), and
// without the logo or the seller's details, which no message variable uses.
const selectMessageSettings = compileQuery<MessageSettings[], Record<string, never>>(
  (db) => db.select(messageColumns).from(settings).limit(1),
  messageColumns,
);

/** The settings message variables use; as `getSettings` gives them until the first save. */
export async function getMessageSettings(db: DbOrTx): Promise<MessageSettings> {
  const [row] = await selectMessageSettings(db, {});
  return row ?? getSettings(db);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null);

const MAX_LOGO_BYTES = 200_000;

export const settingsInputSchema = z.object({
  shopName: z.string().trim().min(1, "The shop needs a name").max(100),
  defaultLocale: z.enum(["pl", "en"]),
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1d4ed8"),
  supportEmail: z.union([z.literal("").transform(() => null), z.string().trim().toLowerCase().email("Enter a valid email address")]),
  supportPhone: optionalText(30),
  senderEmail: z.union([z.literal("").transform(() => null), z.string().trim().toLowerCase().email("Enter a valid email address")]),
  bankAccount: optionalText(64),
  appUrl: z
    .string()
    .trim()
    .url("Enter the address customers open, e.g. https://orders.example.com")
    .refine((u) => /^https?:\/\//.test(u), "Use an http or https address")
    .transform((u) => u.replace(/\/+$/, "")),
  smsPriceDomestic: z.number().int().min(0).max(10_000),
  smsPriceForeign: z.number().int().min(0).max(10_000),
  courierTrackingLinks: z.record(
    z.string().trim().regex(/^[a-z0-9_]{1,40}$/, "Courier keys are lower-case letters, digits and _"),
    z
      .string()
      .trim()
      .url("Each link must be a full address")
      .refine((u) => u.includes("{trackingNumber}"), "Put {trackingNumber} where the parcel number goes"),
  ),
  // The seller on documents. Optional so a caller that does not send them keeps what is stored.
  sellerName: optionalText(200).optional(),
  sellerTaxId: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return null;
      const checked = checkTaxId(value);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    })
    .optional(),
  sellerAddress: z.string().trim().max(300, "Keep the address under 300 characters").transform((v) => v || null).optional(),
  logoDataUrl: z
    .string()
    .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/, "The logo must be a PNG, JPEG, WebP or SVG image")
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, "The logo must be under 200 kB")
    .nullable(),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;

/** Saves every setting at once; a refusal lists every field's problem and changes nothing. */
export async function updateSettings(db: Db, raw: SettingsInput): Promise<Result<Settings>> {
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  await getSettings(db);
  const [saved] = await db
    .update(settings)
    .set({ ...parsed.data, updatedAt: new Date() })
    .where(eq(settings.id, true))
    .returning();
  if (!saved) throw new Error("settings row is missing");
  return { ok: true, value: saved };
}
