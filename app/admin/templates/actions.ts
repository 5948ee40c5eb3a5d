"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { authedAction } from "@/lib/auth";
import { previewTemplate } from "@/lib/notifications/preview";
import { LOCALES, saveTemplate } from "@/lib/notifications/templates";

const keySchema = z.object({
  statusId: z.coerce.number().int().positive(),
  channel: z.enum(["email", "sms"]),
  audience: z.enum(["customer", "admin"]),
  locale: z.enum(LOCALES),
});

export const saveTemplateAction = authedAction(
  { role: "admin", schema: keySchema.extend({ subject: z.string().default(""), body: z.string() }) },
  async (input) => {
    const result = await saveTemplate(await getDb(), input);
    if (result.ok) revalidatePath("/admin/templates");
    return result;
  },
);

export const previewTemplateAction = authedAction(
  {
    role: "admin",
    schema: keySchema.extend({
      subject: z.string().default(""),
      body: z.string(),
      orderNumber: z.string().trim().max(64).optional(),
    }),
  },
  async (input) => previewTemplate(await getDb(), { ...input, orderNumber: input.orderNumber || undefined }),
);
