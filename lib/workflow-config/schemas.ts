import { z } from "zod";

// Input schemas for every configuration change. Server actions parse with these (through
// serverAction) and the services receive the parsed types, so no write sees unchecked input.

export const colourSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #1d4ed8")
  .transform((s) => s.toLowerCase());

/** Same rule as the database's check constraint, so the form says it before Postgres does. */
export const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "Use 1–64 letters, digits, _ . or -, starting with a letter or digit");

export const idSchema = z.coerce.number().int().positive();
const nameSchema = z.string().trim().min(1, "Enter a name").max(80, "Keep the name under 80 characters");
/** A name in another staff language: as long as the name, and may be left empty (the name shows instead). */
const translatedNameSchema = z.string().trim().max(80, "Keep the name under 80 characters").optional();
/** A group's or an order type's name in other languages (absent: left as stored; an empty name shows the stored one). */
const nameTranslationsSchema = z.partialRecord(z.enum(["pl", "en"]), z.object({ name: translatedNameSchema })).optional();

export const statusInputSchema = z
  .object({
    code: codeSchema,
    name: nameSchema,
    /** Empty: hidden from customers. */
    customerLabel: z
      .string()
      .trim()
      .max(80, "Keep the label under 80 characters")
      .transform((s) => s || null),
    description: z.string().trim().max(1000, "Keep the description under 1,000 characters"),
    colour: colourSchema,
    groupId: idSchema,
    requiresPayment: z.boolean(),
    allowCashOnDelivery: z.boolean(),
    awaitsPayment: z.boolean(),
    /** Customers may download the order's documents from the tracking page while it is here. */
    showDocumentsOnTracking: z.boolean().default(false),
    /** Orders here may still have their customer, address, items and total edited (ADR 0143). */
    allowsEditing: z.boolean().default(false),
    /** The name and customer label in other languages (absent: left as stored). */
    translations: z
      .partialRecord(
        z.enum(["pl", "en"]),
        z.object({
          name: translatedNameSchema,
          customerLabel: z.string().trim().max(80, "Keep the label under 80 characters").nullable().optional(),
        }),
      )
      .optional(),
    slaHours: z.number().int("Whole hours only").positive("Must be more than zero").max(8760, "At most a year").nullable(),
    externalCodes: z
      .array(
        z.object({
          channel: z.string().trim().min(1, "Enter the channel").max(40),
          code: z.string().trim().min(1, "Enter the code").max(80),
        }),
      )
      .max(50),
    notifyCustomerEmail: z.boolean(),
    notifyCustomerSms: z.boolean(),
    notifyAdminEmail: z.boolean(),
    adminEmails: z.array(z.email("Enter a valid email address")).max(20),
    notifyChannels: z.array(z.string().trim().min(1).max(40)).max(20),
    commentTemplates: z
      .array(
        z.object({
          title: z.string().trim().min(1, "Enter a title").max(80),
          body: z.string().trim().min(1, "Enter the text").max(2000, "Keep the text under 2,000 characters"),
        }),
      )
      .max(30),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.externalCodes.forEach((e, i) => {
      const key = e.channel.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["externalCodes", i, "channel"], message: "This channel is listed twice" });
      seen.add(key);
    });
    if (s.notifyAdminEmail && s.adminEmails.length === 0) {
      ctx.addIssue({ code: "custom", path: ["adminEmails"], message: "Add at least one address for admin emails" });
    }
    if (s.allowCashOnDelivery && !s.requiresPayment) {
      ctx.addIssue({ code: "custom", path: ["allowCashOnDelivery"], message: "Only meaningful with the payment gate on" });
    }
  });
export type StatusInput = z.infer<typeof statusInputSchema>;

export const groupInputSchema = z.object({
  name: nameSchema,
  colour: colourSchema,
  kind: z.enum(["new", "in_progress", "completed", "not_completed"]),
  translations: nameTranslationsSchema,
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const layoutSchema = z.object({
  groups: z.array(z.object({ groupId: idSchema, statusIds: z.array(idSchema) })).min(1),
});
export type StatusLayout = z.infer<typeof layoutSchema>;

export const idListSchema = z.object({ ids: z.array(idSchema).min(1) });

export const orderTypeInputSchema = z.object({ code: codeSchema, name: nameSchema, initialStatusId: idSchema, translations: nameTranslationsSchema });
export const orderTypeUpdateSchema = z.object({ id: idSchema, name: nameSchema, initialStatusId: idSchema, translations: nameTranslationsSchema });
export type OrderTypeInput = z.infer<typeof orderTypeInputSchema>;
export type OrderTypeUpdate = z.infer<typeof orderTypeUpdateSchema>;

/**
 * The number of open orders the admin was shown a write would leave with no way forward, and
 * agreed to (lib/workflow-config/stranding.ts): absent until the studio has asked.
 */
export const confirmStrandedSchema = z.number().int().min(0).max(2_147_483_647).optional();

export const cellSchema = z.object({ orderTypeId: idSchema, from: idSchema, to: idSchema, allowed: z.boolean(), confirmStranded: confirmStrandedSchema });
export type CellInput = z.infer<typeof cellSchema>;

export const ROW_MODES = ["all", "forward", "clear"] as const;
export const rowSchema = z.object({ orderTypeId: idSchema, from: idSchema, mode: z.enum(ROW_MODES), confirmStranded: confirmStrandedSchema });
export type RowInput = z.infer<typeof rowSchema>;
