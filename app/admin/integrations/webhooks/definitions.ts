import { z } from "zod";
import type { Db } from "@/db";
import type { createAuthedAction } from "@/lib/auth/action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
  webhookEndpointInputSchema,
} from "@/lib/integrations/webhooks";

type AuthedActionFactory = ReturnType<typeof createAuthedAction>;

const ADMIN = "admin" as const;
const id = z.coerce.number().int().positive();

/**
 * Every webhook action, built from the `authedAction` wrapper it is given: each checks the
 * admin role itself before parsing or opening the database. The "use server" module binds it to
 * the real session; a unit test binds it to a staff user.
 */
export function webhookActions(authedAction: AuthedActionFactory, getDb: () => Promise<Db>) {
  const endpointInput = webhookEndpointInputSchema();
  return {
    create: authedAction({ role: ADMIN, schema: endpointInput }, async (input) => createWebhookEndpoint(await getDb(), input)),
    update: authedAction({ role: ADMIN, schema: endpointInput.extend({ id }) }, async ({ id, ...input }) =>
      updateWebhookEndpoint(await getDb(), id, input),
    ),
    rotateSecret: authedAction({ role: ADMIN, schema: z.object({ id }) }, async ({ id }) => rotateWebhookSecret(await getDb(), id)),
    setEnabled: authedAction({ role: ADMIN, schema: z.object({ id, enabled: z.boolean() }) }, async ({ id, enabled }) =>
      setWebhookEndpointEnabled(await getDb(), id, enabled),
    ),
    remove: authedAction({ role: ADMIN, schema: z.object({ id }) }, async ({ id }) => deleteWebhookEndpoint(await getDb(), id)),
    resend: authedAction({ role: ADMIN, schema: z.object({ endpointId: id, outboxId: id }) }, async (input) =>
      resendWebhookDelivery(await getDb(), input),
    ),
    sendTest: authedAction({ role: ADMIN, schema: z.object({ id }) }, async ({ id }) => sendTestWebhook(await getDb(), id)),
  };
}
