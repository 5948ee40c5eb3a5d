import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { outbox, webhookEndpoints, webhookEventType, type WebhookEndpoint } from "@/db/schema";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { allowPrivateWebhookUrls } from "./deliver";
import { generateWebhookSecret } from "./secret";
import { checkWebhookTarget, refuseWebhookUrl, type Resolver } from "./url-policy";
import { inTransaction } from "@/db/transaction";
import { recordAudit, recordAuditIfChanged, type AuditActor } from "@/lib/audit";

export type EndpointPolicy = { allowPrivateNetworks?: boolean; resolve?: Resolver };

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
        if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: { reason: problem.code } });
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

/**
 * The input, checked; the address's name resolved as delivery will resolve it, so a name that
 * points at a private address (a line in /etc/hosts, an internal DNS zone) is refused when it is
 * saved, not only when the first delivery fails. A name that resolves nowhere yet is accepted:
 * its DNS may not be set up, and every delivery checks again.
 */
async function checkedInput(raw: WebhookEndpointInput, policy: EndpointPolicy) {
  const parsed = webhookEndpointInputSchema(policy).safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const allowPrivateNetworks = allowPrivateWebhookUrls(policy);
  if (!allowPrivateNetworks) {
    const target = await checkWebhookTarget(new URL(parsed.data.url), { allowPrivateNetworks, resolve: policy.resolve });
    if (!target.ok && !target.unresolved) {
      const { error } = validationFailed([{ path: ["url"], message: target.refusal.message }]);
      return refuse("validation_failed", error.message, { fieldErrors: error.fieldErrors, details: { reason: target.refusal.code } });
    }
  }
  return { ok: true as const, value: parsed.data };
}

/** An endpoint as the audit trail keeps it: never its signing secret. */
function auditedEndpoint(endpoint: WebhookEndpoint): Record<string, unknown> {
  return { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes, enabled: endpoint.enabled };
}

const subjectOf = (endpoint: WebhookEndpoint) => ({ id: endpoint.id, label: endpoint.url });

/** Adds an endpoint, enabled, with a fresh signing secret. */
export async function createWebhookEndpoint(
  db: DbOrTx,
  raw: WebhookEndpointInput,
  actor: AuditActor,
  policy: EndpointPolicy = {},
): Promise<Result<WebhookEndpoint>> {
  const parsed = await checkedInput(raw, policy);
  if (!parsed.ok) return parsed;
  return inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ ...parsed.value, secret: generateWebhookSecret() })
      .returning();
    if (!created) throw new Error("webhook endpoint was not written");
    await recordAudit(tx, { actor, kind: "webhook_endpoint", action: "created", subject: subjectOf(created), after: auditedEndpoint(created) });
    return { ok: true as const, value: created };
  });
}

/** Locks the endpoint, changes it, and records the change by `action` when it changed anything. */
function changeEndpoint(
  db: DbOrTx,
  id: number,
  actor: AuditActor,
  action: string,
  change: (current: WebhookEndpoint) => Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<Result<WebhookEndpoint>> {
  return inTransaction(db, async (tx) => {
    const [current] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for("update");
    if (!current) return notFound(id);
    const [updated] = await tx.update(webhookEndpoints).set(change(current)).where(eq(webhookEndpoints.id, id)).returning();
    if (!updated) return notFound(id);
    const rotated = action === "secret_rotated";
    // A new secret changes nothing the log may show: the entry says that it happened, and when.
    await (rotated ? recordAudit : recordAuditIfChanged)(tx, {
      actor,
      kind: "webhook_endpoint",
      action,
      subject: subjectOf(updated),
      before: rotated ? null : auditedEndpoint(current),
      after: rotated ? null : auditedEndpoint(updated),
    });
    return { ok: true as const, value: updated };
  });
}

/** Changes address, description and events; deliveries still queued go to the new address. */
export async function updateWebhookEndpoint(
  db: DbOrTx,
  id: number,
  raw: WebhookEndpointInput,
  actor: AuditActor,
  policy: EndpointPolicy = {},
): Promise<Result<WebhookEndpoint>> {
  const parsed = await checkedInput(raw, policy);
  if (!parsed.ok) return parsed;
  return changeEndpoint(db, id, actor, "updated", () => ({ ...parsed.value, updatedAt: new Date() }));
}

/** A new secret at once: every later attempt, retries included, is signed with it. */
export async function rotateWebhookSecret(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<WebhookEndpoint>> {
  return changeEndpoint(db, id, actor, "secret_rotated", () => ({ secret: generateWebhookSecret(), updatedAt: new Date() }));
}

/**
 * Switches an endpoint on or off by hand. Switching on clears the failure count and the reason
 * it was switched off, and lets the deliveries that waited meanwhile go out.
 */
export async function setWebhookEndpointEnabled(db: DbOrTx, id: number, enabled: boolean, actor: AuditActor): Promise<Result<WebhookEndpoint>> {
  const now = new Date();
  return changeEndpoint(db, id, actor, enabled ? "enabled" : "disabled", () =>
    enabled
      ? { enabled, disabledReason: null, disabledAt: null, consecutiveFailures: 0, updatedAt: now }
      : { enabled, disabledReason: null, disabledAt: now, updatedAt: now },
  );
}

/** Deletes an endpoint with its deliveries and their attempts: nothing is sent to it again. */
export async function deleteWebhookEndpoint(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (tx) => {
    await tx.delete(outbox).where(eq(outbox.webhookEndpointId, id));
    const [deleted] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
    if (!deleted) return notFound(id);
    await recordAudit(tx, { actor, kind: "webhook_endpoint", action: "deleted", subject: subjectOf(deleted), before: auditedEndpoint(deleted) });
    return { ok: true as const, value: { id: deleted.id } };
  });
}
