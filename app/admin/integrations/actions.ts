"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { createApiKey, createApiKeyInputSchema, revokeApiKey } from "@/lib/integrations/api-keys";
import { issueCarrierReceiverSecret, receiverPath } from "@/lib/parcels/receivers";
import { ok } from "@/lib/result";
import { getSettings } from "@/lib/settings";

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

/**
 * Sets up a carrier's receiving address, or replaces its secret, and hands the whole address back
 * in the value: the admin pastes it into the carrier's panel now (ADR 0159).
 */
export const issueCarrierAddressAction = serverAction({
  role: "admin",
  schema: z.object({ carrier: z.string().max(50) }),
  handler: async ({ carrier }, user) => {
    const db = await getDb();
    const result = await issueCarrierReceiverSecret(db, carrier, actorOf(user));
    if (!result.ok) return result;
    const { appUrl } = await getSettings(db);
    return ok({ value: `${appUrl}${receiverPath(carrier, result.value.receiver.secret)}`, rotated: result.value.rotated });
  },
  revalidate,
  message: ({ rotated }, _, t) => t(rotated ? "integrations.carriers.done.rotated" : "integrations.carriers.done.created"),
});
