import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { outbox, webhookEndpoints, webhookEventType, type WebhookEndpoint } from "@/db/schema";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { allowPrivateWebhookUrls } from "./deliver";
import { generateWebhookSecret } from "./secret";
import { refuseWebhookUrl } from "./url-policy";

export type EndpointPolicy = { allowPrivateNetworks?: boolean };

export function webhookEndpointInputSchema(policy: EndpointPolicy = {}) {
  return z.object({
    url: z
      .string()
      .trim()
      .min(1, "Enter the address that receives the webhooks")
      .max(2000, "Keep the address under 2000 characters")
      .superRefine((url, ctx) => {
        // The environment is read when a URL is checked, never when the schema is built (at build time).
        const problem = refuseWebhookUrl(url, allowPrivateWebhookUrls(policy));
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    description: z.string().trim().max(200, "Keep the description under 200 characters").default(""),
    eventTypes: z
      .array(z.enum(webhookEventType.enumValues, "Unknown event type"))
      .min(1, "Choose at least one event")
      .transform((types) => [...new Set(types)]),
  });
}

export type WebhookEndpointInput = z.input<ReturnType<typeof webhookEndpointInputSchema>>;

function notFound(id: number) {
  return refuse("not_found", `Webhook endpoint ${id} does not exist (it may have been deleted).`);
}

/** Adds an endpoint, enabled, with a fresh signing secret. */
export async function createWebhookEndpoint(db: Db, raw: WebhookEndpointInput, policy: EndpointPolicy = {}): Promise<Result<WebhookEndpoint>> {
  const parsed = webhookEndpointInputSchema(policy).safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const [created] = await db
    .insert(webhookEndpoints)
    .values({ ...parsed.data, secret: generateWebhookSecret() })
    .returning();
  if (!created) throw new Error("webhook endpoint was not written");
  return { ok: true, value: created };
}

/** Changes address, description and events; deliveries still queued go to the new address. */
export async function updateWebhookEndpoint(
  db: Db,
  id: number,
  raw: WebhookEndpointInput,
  policy: EndpointPolicy = {},
): Promise<Result<WebhookEndpoint>> {
  const parsed = webhookEndpointInputSchema(policy).safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const [updated] = await db
    .update(webhookEndpoints)
    .set({ ...parsed.data, updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return updated ? { ok: true, value: updated } : notFound(id);
}

/** A new secret at once: every later attempt, retries included, is signed with it. */
export async function rotateWebhookSecret(db: Db, id: number): Promise<Result<WebhookEndpoint>> {
  const [updated] = await db
    .update(webhookEndpoints)
    .set({ secret: generateWebhookSecret(), updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return updated ? { ok: true, value: updated } : notFound(id);
}

/**
 * Switches an endpoint on or off by hand. Switching on clears the failure count and the reason
 * it was switched off, and lets the deliveries that waited meanwhile go out.
 */
export async function setWebhookEndpointEnabled(db: Db, id: number, enabled: boolean): Promise<Result<WebhookEndpoint>> {
  const now = new Date();
  const [updated] = await db
    .update(webhookEndpoints)
    .set(
      enabled
        ? { enabled, disabledReason: null, disabledAt: null, consecutiveFailures: 0, updatedAt: now }
        : { enabled, disabledReason: null, disabledAt: now, updatedAt: now },
    )
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return updated ? { ok: true, value: updated } : notFound(id);
}

/** Deletes an endpoint with its deliveries and their attempts: nothing is sent to it again. */
export async function deleteWebhookEndpoint(db: Db, id: number): Promise<Result<{ id: number }>> {
  return db.transaction(async (tx) => {
    await tx.delete(outbox).where(eq(outbox.webhookEndpointId, id));
    const [deleted] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
    return deleted ? { ok: true as const, value: deleted } : notFound(id);
  });
}
