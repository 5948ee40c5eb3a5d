"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { serverAction } from "@/lib/auth";
import { LOCALES } from "@/lib/i18n/locales";
import { ok } from "@/lib/result";

/**
 * Remembers the screen language a person chose, or forgets it (`auto`: follow the browser, then
 * the shop). Changes nothing but the words: every user may set only their own.
 */
export const setMyLocaleAction = serverAction({
  role: "staff",
  schema: z.object({ locale: z.enum([...LOCALES, "auto"]) }),
  handler: async ({ locale }, user) => {
    await (await getDb())
      .update(users)
      .set({ locale: locale === "auto" ? null : locale })
      .where(eq(users.id, user.id));
    return ok({ locale });
  },
  // Every screen's words change: the whole layout renders again.
  revalidate: () => revalidatePath("/", "layout"),
});
