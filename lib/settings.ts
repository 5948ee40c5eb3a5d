import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { inTransaction } from "@/db/transaction";
import { settings, type Settings } from "@/db/schema";
import { recordAuditIfChanged, type AuditActor } from "@/lib/audit";
import { checkTaxId } from "@/lib/documents/tax-id";
import type { Messages } from "@/lib/i18n/messages";
import { MAX_LOGO_BYTES } from "@/lib/logo-limit";
import { normalisePhone } from "@/lib/phone";
import { validationFailed, type Result } from "@/lib/result";
import { isWebUrl } from "@/lib/web-url";
import { knownTimeZones } from "@/lib/time-zones";

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
  messageHoldSeconds: settings.messageHoldSeconds,
  duplicateWindowHours: settings.duplicateWindowHours,
};

/** What a message's variables take from the settings. */
export type MessageSettings = Pick<Settings, keyof typeof messageColumns>;

// Read with every status change that may notify anyone: built once (see compileQuery), and
// without the logo or the seller's details, which no message variable uses.
export const selectMessageSettings = compileQuery<MessageSettings[], Record<string, never>>(
  "settings.message",
  (db) => db.select(messageColumns).from(settings).limit(1),
  messageColumns,
);

/** The settings message variables use; as `getSettings` gives them until the first save. */
export async function getMessageSettings(db: DbOrTx): Promise<MessageSettings> {
  const [row] = await selectMessageSettings(db, {});
  return row ?? getSettings(db);
}

/**
 * A refused value's message is the key of its reason in the catalogue's `settings.errors`
 * (`SettingsProblem`): the form words it in the reader's language.
 */
export type SettingsProblem = keyof Messages["settings"]["errors"];

const problem = (key: SettingsProblem) => key;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, problem("tooLong"))
    .transform((v) => v || null);

const emailAddress = z.union([z.literal("").transform(() => null), z.string().trim().toLowerCase().email(problem("email"))]);

/** An absolute http(s) address (lib/web-url.ts), refused with `notAUrl` when it is no address at all. */
const webAddress = (notAUrl: SettingsProblem) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!isWebUrl(value)) ctx.addIssue({ code: "custom", message: problem(URL.canParse(value) ? "urlScheme" : notAUrl) });
    });

/** A Polish NIP (checksum), else an EU VAT number as written (lib/documents/tax-id.ts), each refusal by its reason. */
function taxIdProblem(value: string): SettingsProblem {
  const digits = /^(PL)?(\d+)$/.exec(value.replace(/[\s-]/g, "").toUpperCase())?.[2];
  if (digits === undefined) return "taxIdFormat";
  return digits.length !== 10 ? "nipLength" : "nipCheckDigit";
}

/** An IANA zone this runtime knows (the same list the settings form offers). */
export function isTimeZone(zone: string): boolean {
  return knownTimeZones().includes(zone);
}

export const settingsInputSchema = z.object({
  shopName: z.string().trim().min(1, problem("shopNameRequired")).max(100, problem("tooLong")),
  defaultLocale: z.enum(["pl", "en"], problem("locale")),
  staffLocale: z.enum(["pl", "en"], problem("locale")).optional(),
  timeZone: z.string().trim().refine(isTimeZone, problem("timeZone")).optional(),
  smsTransliterate: z.boolean().optional(),
  // Optional so a caller that does not send them keeps what is stored.
  messageHoldSeconds: z.number(problem("messageHold")).int(problem("messageHold")).min(0, problem("messageHold")).max(600, problem("messageHold")).optional(),
  duplicateWindowHours: z.number(problem("duplicateWindow")).int(problem("duplicateWindow")).min(0, problem("duplicateWindow")).max(720, problem("duplicateWindow")).optional(),
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, problem("brandColour")),
  supportEmail: emailAddress,
  // Not a union with "": zod reports a failed union as "Invalid input", not the phone's reason.
  supportPhone: z
    .string()
    .trim()
    .max(40, problem("phone"))
    .refine((v) => v === "" || normalisePhone(v) !== null, problem("phone"))
    .transform((v) => v || null),
  senderEmail: emailAddress,
  bankAccount: optionalText(64),
  appUrl: webAddress("appUrl").transform((u) => u.replace(/\/+$/, "")),
  smsPriceDomestic: z.number(problem("smsPrice")).int(problem("smsPrice")).min(0, problem("smsPrice")).max(10_000, problem("smsPrice")),
  smsPriceForeign: z.number(problem("smsPrice")).int(problem("smsPrice")).min(0, problem("smsPrice")).max(10_000, problem("smsPrice")),
  courierTrackingLinks: z.record(
    z.string().trim().regex(/^[a-z0-9_]{1,40}$/, problem("courierKey")),
    webAddress("courierLink").refine((u) => u.includes("{trackingNumber}"), problem("courierPlaceholder")),
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
      ctx.addIssue({ code: "custom", message: problem(taxIdProblem(value)) });
      return z.NEVER;
    })
    .optional(),
  // A browser sends a textarea's lines ending in CR LF: stored with LF, so saving the form unchanged changes nothing.
  sellerAddress: z
    .string()
    .trim()
    .max(300, problem("sellerAddressTooLong"))
    .transform((v) => v.replace(/\r\n?/g, "\n") || null)
    .optional(),
  logoDataUrl: z
    .string()
    .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/, problem("logoType"))
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, problem("logoTooLarge"))
    .nullable(),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;

/**
 * The settings as the audit trail keeps them: every field but the logo's bytes, which become a
 * short fingerprint, so the log says that the logo changed without holding the picture.
 */
function auditedSettings({ id: _id, updatedAt: _updatedAt, logoDataUrl, ...rest }: Settings): Record<string, unknown> {
  return { ...rest, logo: logoDataUrl ? `sha256:${createHash("sha256").update(logoDataUrl).digest("hex").slice(0, 12)}` : null };
}

/** Saves every setting at once; a refusal lists every field's problem and changes nothing. */
export async function updateSettings(db: DbOrTx, raw: SettingsInput, actor: AuditActor): Promise<Result<Settings>> {
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  return inTransaction(db, async (tx) => {
    await getSettings(tx);
    const [current] = await tx.select().from(settings).where(eq(settings.id, true)).for("update");
    const [saved] = await tx
      .update(settings)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(settings.id, true))
      .returning();
    if (!current || !saved) throw new Error("settings row is missing");
    await recordAuditIfChanged(tx, {
      actor,
      kind: "settings",
      action: "updated",
      subject: { id: null, label: saved.shopName },
      before: auditedSettings(current),
      after: auditedSettings(saved),
    });
    return { ok: true as const, value: saved };
  });
}
