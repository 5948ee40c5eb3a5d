"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { toActionState } from "@/lib/action-state";
import { authedAction } from "@/lib/auth";
import { createApiKey, createApiKeyInputSchema, revokeApiKey } from "@/lib/integrations/api-keys";
import type { CreateApiKeyState } from "@/components/integrations/api-keys-types";

const create = authedAction(
  { role: "admin", schema: createApiKeyInputSchema.pick({ name: true, scope: true }) },
  async (input, user) => createApiKey(await getDb(), { ...input, createdByUserId: user.id }),
);

/** Creates a key and hands its secret to the page once; it is never readable again. */
export async function createApiKeyAction(_prev: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const result = await create(Object.fromEntries(formData));
  if (result.ok) revalidatePath("/admin/integrations");
  return {
    ...toActionState(result, ({ key }) => `Key "${key.name}" created.`),
    secret: result.ok ? result.value.secret : undefined,
  };
}

const revoke = authedAction({ role: "admin", schema: z.object({ id: z.number().int().positive() }) }, async ({ id }) =>
  revokeApiKey(await getDb(), id),
);

export async function revokeApiKeyAction(id: number) {
  const result = await revoke({ id });
  if (result.ok) revalidatePath("/admin/integrations");
  return toActionState(result, (key) => `Key "${key.name}" revoked: requests with it are refused from now on.`);
}
