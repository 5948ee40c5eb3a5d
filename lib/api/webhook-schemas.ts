import { z } from "zod";
import { outboxState, webhookEventType } from "@/db/schema";
import { webhookEndpointInputSchema } from "@/lib/integrations/webhooks";

/**
 * Request and response shapes of the webhook endpoints' API (ADR 0139). Bodies reuse the admin
 * screen's own schema (the URL policy, the limits, the event names), strict at the top so a
 * misspelt field is refused. The signing secret is in no response schema but the two that hand
 * it out once: creation and rotation.
 */

const timestamp = z.string().describe("ISO 8601 date and time, UTC");
const id = (what: string) => z.string().describe(`The ${what}'s id (anything else than one answers 404)`);

export const webhookEndpointParams = z.object({ id: id("endpoint") });
export const webhookDeliveryParams = z.object({ id: id("endpoint"), deliveryId: id("delivery") });

export const listDeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int("limit must be a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(25).describe("Page size, 1 to 100 (default 25)"),
  cursor: z.string().max(200).optional().describe("`nextCursor` from the previous page"),
});

const endpointFields = webhookEndpointInputSchema().shape;

export const createWebhookEndpointBody = z.strictObject(endpointFields);

export const patchWebhookEndpointBody = z
  .strictObject({
    // Each field optional and without its default: a description not sent stays as it is.
    url: endpointFields.url.optional(),
    description: endpointFields.description.unwrap().optional(),
    eventTypes: endpointFields.eventTypes.optional(),
    enabled: z.boolean().optional().describe("false pauses deliveries (they wait, nothing is lost); true resumes them and clears the failure count"),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Send at least one of url, description, eventTypes, enabled" });

export const apiWebhookEndpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(webhookEventType.enumValues)),
  enabled: z.boolean().describe("false: deliveries wait until the endpoint is enabled again"),
  disabledReason: z.string().nullable().describe("Why Orderly switched it off by itself (it kept failing, or answered 410); null when an admin did, or when enabled"),
  disabledAt: timestamp.nullable(),
  consecutiveFailures: z.number().int().describe("Failed attempts in a row, across its deliveries"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const webhookEndpointWithSecretSchema = apiWebhookEndpointSchema.extend({
  secret: z.string().describe("The Standard Webhooks signing secret (`whsec_...`). Shown only in this answer: store it now"),
});

export const webhookEndpointListSchema = z.object({ data: z.array(apiWebhookEndpointSchema) });

export const deletedWebhookEndpointSchema = z.object({ id: z.number().int(), deleted: z.literal(true) });

export const apiWebhookDeliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.string().describe("The `webhook-id` header the receiver gets; the same on every attempt and resend"),
  type: z.string().describe("The event type, e.g. order.status_changed"),
  orderNumber: z.string().nullable(),
  state: z.enum(outboxState.enumValues).describe("pending: queued or waiting for a retry; sending: being sent now; sent: a 2xx came back; dead: given up (resend it)"),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  nextAttemptAt: timestamp,
  attemptLog: z
    .array(
      z.object({
        at: timestamp,
        responseStatus: z.number().int().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
      }),
    )
    .describe("Every attempt, oldest first"),
});

export const webhookDeliveryPageSchema = z.object({
  data: z.array(apiWebhookDeliverySchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last page"),
});
