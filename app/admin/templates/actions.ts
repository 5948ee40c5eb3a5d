"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { previewTemplate } from "@/lib/notifications/preview";
import { LOCALES, saveTemplate } from "@/lib/notifications/templates";
import { refuse, type FieldErrors } from "@/lib/result";
import { templateProblems, type TemplateProblem } from "./problems";

const keySchema = z.object({
  statusId: z.coerce.number().int().positive(),
  channel: z.enum(["email", "sms"]),
  audience: z.enum(["customer", "admin"]),
  locale: z.enum(LOCALES),
});

/** SMS only: replace Polish letters (true), keep them (false), or follow the shop (null). */
const smsTransliterate = z.boolean().nullable().default(null);

/** A refusal naming each field's problems in the caller's language (the screen shows them as they come). */
async function refusedFor(problems: Record<string, TemplateProblem[]>) {
  const t = await getTranslations("templates");
  const fieldErrors: FieldErrors = Object.fromEntries(
    Object.entries(problems).map(([field, list]) => [field, list.map((p) => t(`errors.${p.key}`, p.values as never))]),
  );
  return refuse("validation_failed", `Please check: ${Object.keys(fieldErrors).join(", ")}.`, { fieldErrors });
}

export const saveTemplateAction = serverAction({
  role: "admin",
  schema: keySchema.extend({ subject: z.string().default(""), body: z.string(), smsTransliterate }),
  handler: async (input, user) => {
    const problems = templateProblems(input);
    if (Object.keys(problems).length) return refusedFor(problems);
    return saveTemplate(await getDb(), input, actorOf(user));
  },
  revalidate: () => revalidatePath("/admin/templates"),
  message: (_value, _input, t) => t("templates.editor.saved"),
});

/** Changes nothing, so nothing to revalidate. */
export const previewTemplateAction = serverAction({
  role: "admin",
  schema: keySchema.extend({
    subject: z.string().default(""),
    body: z.string(),
    orderNumber: z.string().trim().max(64).optional(),
    smsTransliterate,
  }),
  handler: async (input) => {
    const problems = templateProblems(input, { forPreview: true });
    if (Object.keys(problems).length) return refusedFor(problems);
    return previewTemplate(await getDb(), { ...input, orderNumber: input.orderNumber || undefined });
  },
  message: (_value, _input, t) => t("templates.editor.previewReady"),
});
