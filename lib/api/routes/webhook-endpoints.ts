import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orders, outbox, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import {
  attemptsByDelivery,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/integrations/webhooks";
import { ok, refuse, type Result } from "@/lib/result";
import { idFromSegment } from "@/lib/url-params";
import { defineRoute } from "../route";
import {
  apiWebhookDeliverySchema,
  apiWebhookEndpointSchema,
  createWebhookEndpointBody,
  deletedWebhookEndpointSchema,
  listDeliveriesQuery,
  patchWebhookEndpointBody,
  webhookDeliveryPageSchema,
  webhookDeliveryParams,
  webhookEndpointListSchema,
  webhookEndpointParams,
  webhookEndpointWithSecretSchema,
} from "../webhook-schemas";
import { decodeCursor, encodeCursor } from "../id-cursor";

/** An endpoint as the API shows it: everything but the signing secret. */
function endpointView(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    consecutiveFailures: endpoint.consecutiveFailures,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** Creation and rotation only: the one moment the secret is handed out. */
const withSecret = (endpoint: WebhookEndpoint) => ({ ...endpointView(endpoint), secret: endpoint.secret });

function noEndpoint(segment: string) {
  return refuse("not_found", `There is no webhook endpoint ${segment}.`);
}

/** A path id that is not a database id ("abc", "0", past the column) names no endpoint: 404, as the admin page answers. */
function endpointIdOf(segment: string): Result<number> {
  const id = idFromSegment(segment);
  return id === undefined ? noEndpoint(segment) : ok(id);
}

async function findEndpoint(db: DbOrTx, segment: string): Promise<Result<WebhookEndpoint>> {
  const id = endpointIdOf(segment);
  if (!id.ok) return id;
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id.value));
  return endpoint ? ok(endpoint) : noEndpoint(segment);
}

/** An endpoint's deliveries, newest first, below `before` (an outbox id), each with its attempts. */
async function deliveriesOf(db: DbOrTx, endpointId: number, options: { before?: number; limit: number; id?: number }) {
  const rows = await db
    .select({
      id: outbox.id,
      webhookId: outbox.idempotencyKey,
      payload: outbox.payload,
      orderNumber: orders.number,
      state: outbox.state,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .leftJoin(orders, eq(orders.id, outbox.orderId))
    .where(
      and(
        eq(outbox.kind, "webhook"),
        eq(outbox.webhookEndpointId, endpointId),
        options.before === undefined ? undefined : lt(outbox.id, options.before),
        options.id === undefined ? undefined : eq(outbox.id, options.id),
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(options.limit);
  const attempts = await attemptsByDelivery(db, rows.map((r) => r.id));
  return rows.map(({ payload, ...row }) => ({
    ...row,
    type: typeof payload.type === "string" ? payload.type : "unknown",
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    attemptLog: (attempts.get(row.id) ?? []).map((a) => ({ at: a.createdAt.toISOString(), responseStatus: a.responseStatus, error: a.error, durationMs: a.durationMs })),
  }));
}

const TAG = "Webhooks";
const ADMIN_NOTE = "Needs an `admin` key; recorded in the audit trail under the key's name.";

export const listWebhookEndpointsRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  tag: TAG,
  summary: "List webhook endpoints",
  description: "Every endpoint, oldest first, without its signing secret (it is shown only when the endpoint is created or its secret rotated). Needs an `admin` key.",
  scope: "admin",
  response: { status: 200, description: "The endpoints", schema: webhookEndpointListSchema },
  errors: [],
  handle: async ({ db }) => {
    const rows = await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id));
    return ok({ data: rows.map(endpointView) });
  },
});

export const createWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  tag: TAG,
  summary: "Add a webhook endpoint",
  description: `Adds an enabled endpoint with a fresh signing secret, which this answer carries once: store it now, it is never shown again (rotate it to get a new one). The address must be https (http only for localhost) and may not point at a private or loopback network, checked as the admin screen checks it. ${ADMIN_NOTE}`,
  scope: "admin",
  body: createWebhookEndpointBody,
  example: { url: "https://erp.example.com/orderly/webhooks", description: "ERP sync", eventTypes: ["order.created", "order.status_changed"] },
  response: { status: 201, description: "The new endpoint with its signing secret (the only time it is shown)", schema: webhookEndpointWithSecretSchema },
  errors: ["validation_failed", "idempotency_conflict"],
  handle: async ({ db, actor, body }) => {
    const created = await createWebhookEndpoint(db, body, actor);
    return created.ok ? ok(withSecret(created.value)) : created;
  },
});

export const getWebhookEndpointRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints/{id}",
  operationId: "getWebhookEndpoint",
  tag: TAG,
  summary: "Get a webhook endpoint",
  description: "The endpoint without its signing secret. Needs an `admin` key.",
  scope: "admin",
  params: webhookEndpointParams,
  response: { status: 200, description: "The endpoint", schema: apiWebhookEndpointSchema },
  errors: ["not_found"],
  handle: async ({ db, params }) => {
    const endpoint = await findEndpoint(db, params.id);
    return endpoint.ok ? ok(endpointView(endpoint.value)) : endpoint;
  },
});

export const patchWebhookEndpointRoute = defineRoute({
  method: "PATCH",
  path: "/webhook-endpoints/{id}",
  operationId: "updateWebhookEndpoint",
  tag: TAG,
  summary: "Change, pause or resume a webhook endpoint",
  description: `Changes the fields sent (the others stay); deliveries still queued go to the new address. \`enabled: false\` pauses the endpoint: its deliveries wait, nothing is dropped; \`enabled: true\` resumes it, clears the failure count and lets the waiting deliveries go. Everything sent is applied in one transaction, or nothing. ${ADMIN_NOTE}`,
  scope: "admin",
  params: webhookEndpointParams,
  body: patchWebhookEndpointBody,
  example: { eventTypes: ["order.status_changed"], enabled: false },
  response: { status: 200, description: "The endpoint after the change", schema: apiWebhookEndpointSchema },
  errors: ["not_found", "validation_failed"],
  handle: async ({ db, actor, params, body }) =>
    inTransaction(db, async (tx) => {
      const found = await findEndpoint(tx, params.id);
      if (!found.ok) return found;
      let endpoint = found.value;
      const { enabled, ...fields } = body;
      if (Object.values(fields).some((v) => v !== undefined)) {
        // The screen's service takes the whole form: the fields not sent (absent from the parsed
        // body, JSON has no undefined) are the endpoint's own.
        const { url, description, eventTypes } = endpoint;
        const updated = await updateWebhookEndpoint(tx, endpoint.id, { url, description, eventTypes, ...fields }, actor);
        if (!updated.ok) return updated;
        endpoint = updated.value;
      }
      if (enabled !== undefined && enabled !== endpoint.enabled) {
        const switched = await setWebhookEndpointEnabled(tx, endpoint.id, enabled, actor);
        if (!switched.ok) return switched;
        endpoint = switched.value;
      }
      return ok(endpointView(endpoint));
    }),
});

export const deleteWebhookEndpointRoute = defineRoute({
  method: "DELETE",
  path: "/webhook-endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  tag: TAG,
  summary: "Delete a webhook endpoint",
  description: `Deletes the endpoint with its queued and past deliveries: nothing is sent to it again. Answers 200 with the deleted id; deleting it again answers 404. To stop deliveries for a while without losing them, PATCH \`enabled: false\` instead. ${ADMIN_NOTE}`,
  scope: "admin",
  params: webhookEndpointParams,
  response: { status: 200, description: "Which endpoint was deleted", schema: deletedWebhookEndpointSchema },
  errors: ["not_found"],
  handle: async ({ db, actor, params }) => {
    const id = endpointIdOf(params.id);
    if (!id.ok) return id;
    const deleted = await deleteWebhookEndpoint(db, id.value, actor);
    return deleted.ok ? ok({ id: deleted.value.id, deleted: true as const }) : deleted;
  },
});

export const rotateWebhookSecretRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints/{id}/rotate-secret",
  operationId: "rotateWebhookSecret",
  tag: TAG,
  summary: "Rotate an endpoint's signing secret",
  description: `Replaces the signing secret at once: every later attempt, retries of queued deliveries included, is signed with the new one, which this answer carries once. Update the receiver right after. ${ADMIN_NOTE}`,
  scope: "admin",
  params: webhookEndpointParams,
  response: { status: 200, description: "The endpoint with its new signing secret (the only time it is shown)", schema: webhookEndpointWithSecretSchema },
  errors: ["not_found", "idempotency_conflict"],
  handle: async ({ db, actor, params }) => {
    const id = endpointIdOf(params.id);
    if (!id.ok) return id;
    const rotated = await rotateWebhookSecret(db, id.value, actor);
    return rotated.ok ? ok(withSecret(rotated.value)) : rotated;
  },
});

export const listWebhookDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tag: TAG,
  summary: "An endpoint's deliveries",
  description: "The endpoint's deliveries, newest first, a page at a time, each with its attempts (HTTP status, error, duration). Follow `nextCursor` until it is null. Needs an `admin` key.",
  scope: "admin",
  params: webhookEndpointParams,
  query: listDeliveriesQuery,
  response: { status: 200, description: "One page of deliveries", schema: webhookDeliveryPageSchema },
  errors: ["not_found", "validation_failed"],
  handle: async ({ db, params, query }) => {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && before === undefined) {
      return refuse("validation_failed", "Please check: cursor.", { fieldErrors: { cursor: ["This is not a cursor this API gave out"] } });
    }
    const endpoint = await findEndpoint(db, params.id);
    if (!endpoint.ok) return endpoint;
    const rows = await deliveriesOf(db, endpoint.value.id, { before, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return ok({ data: page, nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null });
  },
});

export const resendWebhookDeliveryRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints/{id}/deliveries/{deliveryId}/resend",
  operationId: "resendWebhookDelivery",
  tag: TAG,
  summary: "Send a delivery again",
  description:
    "Puts a sent or failed delivery back in the queue, as the admin screen's resend button does: the same payload under the same `webhook-id`, so a receiver that already processed it can tell; signed with the endpoint's current secret. A delivery still queued or being sent is left alone (404). Needs an `admin` key.",
  scope: "admin",
  params: webhookDeliveryParams,
  response: { status: 200, description: "The delivery, queued again", schema: apiWebhookDeliverySchema },
  errors: ["not_found", "idempotency_conflict"],
  handle: async ({ db, params }) => {
    const endpoint = await findEndpoint(db, params.id);
    if (!endpoint.ok) return endpoint;
    const outboxId = idFromSegment(params.deliveryId);
    if (outboxId === undefined) return refuse("not_found", `There is no delivery ${params.deliveryId}.`);
    const resent = await resendWebhookDelivery(db, { endpointId: endpoint.value.id, outboxId });
    if (!resent.ok) return resent;
    const [delivery] = await deliveriesOf(db, endpoint.value.id, { id: resent.value.id, limit: 1 });
    return ok(delivery);
  },
});
