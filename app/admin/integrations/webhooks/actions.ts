"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
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
import { ok } from "@/lib/result";

const LIST = "/admin/integrations";
const pageOf = (id: number) => `/admin/integrations/webhooks/${id}`;
const id = z.coerce.number().int().positive();

/**
 * The endpoint form's fields: its event checkboxes share one name, so a form with one ticked
 * sends a single value and one with none sends nothing; both mean a list.
 */
const endpointInput = z.preprocess(
  (raw) =>
    raw && typeof raw === "object" && !Array.isArray(raw) && !Array.isArray((raw as { eventTypes?: unknown }).eventTypes)
      ? { ...raw, eventTypes: [(raw as { eventTypes?: unknown }).eventTypes].filter((e) => e !== undefined) }
      : raw,
  webhookEndpointInputSchema(),
);

/** Adds an endpoint and opens its page, where the new signing secret is shown. */
export const createWebhookEndpointAction = serverAction({
  role: "admin",
  schema: endpointInput,
  handler: async (input, user) => createWebhookEndpoint(await getDb(), input, actorOf(user)),
  revalidate: (endpoint) => {
    revalidatePath(LIST);
    redirect(`${pageOf(endpoint.id)}?created=1`);
  },
});

export const updateWebhookEndpointAction = serverAction({
  role: "admin",
  schema: z.object({ id }).and(endpointInput),
  // The reply leaves the endpoint (and its secret) out: the refreshed page shows it.
  handler: async ({ id, ...input }, user) => {
    const result = await updateWebhookEndpoint(await getDb(), id, input, actorOf(user));
    return result.ok ? ok({ id }) : result;
  },
  revalidate: ({ id }) => revalidatePath(pageOf(id)),
  message: (_, __, t) => t("integrations.done.endpointSaved"),
});

/**
 * Hands the new secret back in the value: the page's refresh may land after the reply, and until
 * then the page would still show (and copy) the old one.
 */
export const rotateWebhookSecretAction = serverAction({
  role: "admin",
  schema: z.object({ id }),
  handler: async ({ id }, user) => {
    const result = await rotateWebhookSecret(await getDb(), id, actorOf(user));
    return result.ok ? ok({ secret: result.value.secret }) : result;
  },
  revalidate: (_, { id }) => revalidatePath(pageOf(id)),
  message: (_, __, t) => t("integrations.done.secretRotated"),
});

export const setWebhookEndpointEnabledAction = serverAction({
  role: "admin",
  schema: z.object({ id, enabled: z.boolean() }),
  handler: async ({ id, enabled }, user) => setWebhookEndpointEnabled(await getDb(), id, enabled, actorOf(user)),
  revalidate: (_, { id }) => {
    revalidatePath(pageOf(id));
    revalidatePath(LIST);
  },
  message: (e, _, t) => t(e.enabled ? "integrations.done.endpointEnabled" : "integrations.done.endpointDisabled"),
});

export const deleteWebhookEndpointAction = serverAction({
  role: "admin",
  schema: z.object({ id }),
  handler: async ({ id }, user) => deleteWebhookEndpoint(await getDb(), id, actorOf(user)),
  revalidate: () => {
    revalidatePath(LIST);
    redirect(`${LIST}?deleted=1`);
  },
});

export const sendTestWebhookAction = serverAction({
  role: "admin",
  schema: z.object({ id }),
  handler: async ({ id }) => sendTestWebhook(await getDb(), id),
  revalidate: (_, { id }) => revalidatePath(pageOf(id)),
  message: (_, __, t) => t("integrations.done.testQueued"),
});

/**
 * The resend button: the delivery goes back in the queue under the same webhook-id. A refusal
 * because it is gone needs no message: the refreshed log shows the real state.
 */
export const resendWebhookDeliveryAction = serverAction({
  role: "admin",
  schema: z.object({ endpointId: id, outboxId: id }),
  handler: async (input) => {
    const result = await resendWebhookDelivery(await getDb(), input);
    if (!result.ok && result.error.code === "not_found") revalidatePath(pageOf(input.endpointId));
    return result;
  },
  revalidate: (_, { endpointId }) => revalidatePath(pageOf(endpointId)),
  message: (_, __, t) => t("integrations.done.deliveryQueued"),
});
