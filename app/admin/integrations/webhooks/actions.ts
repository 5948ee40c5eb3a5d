"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionState, type ActionState, type RotateSecretState } from "@/lib/action-state";
import { hookActions } from "./server";

const LIST = "/admin/integrations";
const pageOf = (id: number) => `/admin/integrations/webhooks/${id}`;

/** The endpoint form's fields; the event checkboxes share one name. */
function endpointFields(formData: FormData) {
  return {
    url: String(formData.get("url") ?? ""),
    description: String(formData.get("description") ?? ""),
    eventTypes: formData.getAll("eventTypes").map(String),
  };
}

/** Adds an endpoint and opens its page, where the new signing secret is shown. */
export async function createWebhookEndpointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await hookActions.create(endpointFields(formData));
  if (!result.ok) return toActionState(result, () => "");
  revalidatePath(LIST);
  redirect(`${pageOf(result.value.id)}?created=1`);
}

export async function updateWebhookEndpointAction(id: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await hookActions.update({ id, ...endpointFields(formData) });
  if (result.ok) revalidatePath(pageOf(id));
  return toActionState(result, () => "Endpoint saved.");
}

/**
 * Hands the new secret back with the message: the page's refresh may land after the reply, and
 * until then the page would still show (and copy) the old one.
 */
export async function rotateWebhookSecretAction(id: number): Promise<RotateSecretState> {
  const result = await hookActions.rotateSecret({ id });
  if (!result.ok) return toActionState(result, () => "");
  revalidatePath(pageOf(id));
  return {
    ...toActionState(result, () => "New secret created. Give it to the receiver: every delivery from now on is signed with it."),
    secret: result.value.secret,
  };
}

export async function setWebhookEndpointEnabledAction(id: number, enabled: boolean): Promise<ActionState> {
  const result = await hookActions.setEnabled({ id, enabled });
  if (result.ok) {
    revalidatePath(pageOf(id));
    revalidatePath(LIST);
  }
  return toActionState(result, (e) => (e.enabled ? "Endpoint enabled. Deliveries that waited are on their way." : "Endpoint disabled. New events are not queued for it."));
}

export async function deleteWebhookEndpointAction(id: number): Promise<ActionState> {
  const result = await hookActions.remove({ id });
  if (!result.ok) return toActionState(result, () => "");
  revalidatePath(LIST);
  redirect(`${LIST}?deleted=1`);
}

export async function sendTestWebhookAction(id: number): Promise<ActionState> {
  const result = await hookActions.sendTest({ id });
  if (result.ok) revalidatePath(pageOf(id));
  return toActionState(result, () => "Test event queued: it appears in the log below within seconds.");
}

/** The resend button: the delivery goes back in the queue under the same webhook-id. */
export async function resendWebhookDeliveryAction(formData: FormData): Promise<void> {
  const endpointId = Number(formData.get("endpointId"));
  // A refusal (already queued, deleted) needs no message: the refreshed log shows the real state.
  const result = await hookActions.resend({ endpointId, outboxId: formData.get("outboxId") });
  if (result.ok || result.error.code === "not_found") revalidatePath(pageOf(endpointId));
}
