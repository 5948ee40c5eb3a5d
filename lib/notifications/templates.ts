import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { recordAuditIfChanged, type AuditActor } from "@/lib/audit";
import { messageTemplates, statuses, type MessageTemplate } from "@/db/schema";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { defaultTemplate, type MessageTemplateText } from "./default-templates";
import { measureSms } from "./sms";
import { checkTemplate } from "./template";

export const LOCALES = ["pl", "en"] as const;

export type TemplateKey = { statusId: number; channel: "email" | "sms"; audience: "customer" | "admin"; locale: string };

/**
 * The template a message uses: the status's own in the order's language, else in the shop's
 * default language, else any language it has, else the built-in default.
 */
export async function resolveTemplate(db: DbOrTx, key: TemplateKey, shopLocale: string): Promise<MessageTemplateText> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.statusId, key.statusId),
        eq(messageTemplates.channel, key.channel),
        eq(messageTemplates.audience, key.audience),
      ),
    )
    .orderBy(asc(messageTemplates.locale));
  const pick = rows.find((r) => r.locale === key.locale) ?? rows.find((r) => r.locale === shopLocale) ?? rows[0];
  return pick ?? defaultTemplate(key.channel, key.audience, key.locale);
}

/** Template text: every `{{variable}}` must be known, so a typo never reaches a customer. */
const templateText = z.string().superRefine((text, ctx) => {
  for (const problem of checkTemplate(text)) ctx.addIssue({ code: "custom", message: problem.message });
});

export const saveTemplateInputSchema = z
  .object({
    statusId: z.number().int().positive(),
    channel: z.enum(["email", "sms"]),
    audience: z.enum(["customer", "admin"]),
    locale: z.enum(LOCALES),
    subject: templateText.pipe(z.string().max(200, "Keep the subject under 200 characters")),
    body: templateText.pipe(z.string().trim().min(1, "Write the message").max(20_000)),
    /** SMS only: Polish letters replaced (true), kept (false), or as the shop says (null). */
    smsTransliterate: z.boolean().nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.channel === "email" && input.subject.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["subject"], message: "An email needs a subject" });
    }
    if (input.channel === "sms" && input.audience === "admin") {
      ctx.addIssue({ code: "custom", path: ["audience"], message: "Admin alerts go by email only" });
    }
    if (input.channel === "sms" && measureSms(input.body).segments > 6) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "An SMS longer than 6 parts is refused by most gateways" });
    }
  });

export type SaveTemplateInput = z.input<typeof saveTemplateInputSchema>;

/** A template as the audit trail keeps it: which of the status's messages it is, and its text. */
function auditedTemplate(template: MessageTemplate): Record<string, unknown> {
  return {
    channel: template.channel,
    audience: template.audience,
    locale: template.locale,
    subject: template.subject,
    body: template.body,
    smsTransliterate: template.smsTransliterate,
  };
}

/** Creates or replaces one status's template for a channel, audience and language. */
export async function saveTemplate(db: DbOrTx, raw: SaveTemplateInput, actor: AuditActor): Promise<Result<MessageTemplate>> {
  const parsed = saveTemplateInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;
  return inTransaction(db, async (tx) => {
    const [status] = await tx.select({ id: statuses.id, name: statuses.name }).from(statuses).where(eq(statuses.id, input.statusId));
    if (!status) return refuse("not_found", `Status ${input.statusId} does not exist.`);
    const own = {
      subject: input.channel === "sms" ? "" : input.subject,
      smsTransliterate: input.channel === "sms" ? input.smsTransliterate : null,
    };
    const key = and(
      eq(messageTemplates.statusId, input.statusId),
      eq(messageTemplates.channel, input.channel),
      eq(messageTemplates.audience, input.audience),
      eq(messageTemplates.locale, input.locale),
    );
    const [previous] = await tx.select().from(messageTemplates).where(key).for("update");
    const [saved] = await tx
      .insert(messageTemplates)
      .values({ ...input, ...own })
      .onConflictDoUpdate({
        target: [messageTemplates.statusId, messageTemplates.channel, messageTemplates.audience, messageTemplates.locale],
        set: { ...own, body: input.body, updatedAt: new Date() },
      })
      .returning();
    if (!saved) throw new Error("template was not saved");
    await recordAuditIfChanged(tx, {
      actor,
      kind: "template",
      action: previous ? "updated" : "created",
      // The status's name; which of its messages it is stays in the snapshot, for the page to word.
      subject: { id: saved.id, label: status.name },
      before: previous ? auditedTemplate(previous) : null,
      after: auditedTemplate(saved),
    });
    return { ok: true as const, value: saved };
  });
}

export async function listTemplatesOfStatus(db: DbOrTx, statusId: number): Promise<MessageTemplate[]> {
  return db.select().from(messageTemplates).where(eq(messageTemplates.statusId, statusId));
}
