"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { createApiKey, createApiKeyInputSchema, revokeApiKey } from "@/lib/integrations/api-keys";
import { ok } from "@/lib/result";

const revalidate = () => revalidatePath("/admin/integrations");

/** Creates a key and hands its secret to the page once (in the value); it is never readable again. */
export const createApiKeyAction = serverAction({
  role: "admin",
  schema: createApiKeyInputSchema.pick({ name: true, scope: true }),
  handler: async (input, user) => {
    const result = await createApiKey(await getDb(), { ...input, createdByUserId: user.id }, actorOf(user));
    return result.ok ? ok({ name: result.value.key.name, secret: result.value.secret }) : result;
  },
  revalidate,
  message: ({ name }, _, t) => t("integrations.done.keyCreated", { name }),
});

export const revokeApiKeyAction = serverAction({
  role: "admin",
  schema: z.object({ id: z.number().int().positive() }),
  handler: async ({ id }, user) => revokeApiKey(await getDb(), id, actorOf(user)),
  revalidate,
  message: (key, _, t) => t("integrations.done.keyRevoked", { name: key.name }),
});
