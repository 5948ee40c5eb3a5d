import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, roles, statuses } from "@/db/schema";
import { DEMO_WAREHOUSE_ROLE } from "@/db/seed";
import { ANALYTICS_TABLES } from "@/lib/analytics";
import { AUTOMATION_PRESETS, applyAutomationPreset } from "@/lib/automation";
import { issueDocument, queueDocumentEmail } from "@/lib/documents";
import { createWebhookEndpoint, sendTestWebhook } from "@/lib/integrations/webhooks";
import { createTestOrder } from "@/tests/support/fixtures";
import type { SegmentValues } from "./app-routes";

const ACTOR = { type: "system", label: "Reliability" } as const;

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/**
 * Real rows behind every dynamic route of the seeded demo shop: an order (number, tracking token)
 * with a pro-forma its customer may download, a status and an order type, an automation rule, a webhook endpoint, and two
 * dead outbox rows (an email and a webhook delivery), so the mailbox's retry and the deliveries'
 * resend have something an allowed call would really change.
 */
export async function createRouteRows(db: Db) {
  const order = await createTestOrder(db, "retail", { customer: { name: "Route Rows", email: "route-rows@example.com" } });
  // Customers may download documents in the order's status, so the tracking download answers 200.
  const [status] = await db
    .update(statuses)
    .set({ showDocumentsOnTracking: true })
    .where(eq(statuses.id, order.statusId))
    .returning({ code: statuses.code });
  const document = valueOf(await issueDocument(db, { orderId: order.id, kind: "proforma", actor: ACTOR }), "issue a pro-forma");
  const email = valueOf(await queueDocumentEmail(db, { orderId: order.id, documentId: document.id, actor: ACTOR }), "queue an email");
  const [rule] = valueOf(await applyAutomationPreset(db, AUTOMATION_PRESETS[0]!.key, ACTOR), "add an automation rule");
  const endpoint = valueOf(
    await createWebhookEndpoint(db, { url: "https://erp.example.com/orderly", eventTypes: ["order.status_changed"] }, ACTOR),
    "add a webhook endpoint",
  );
  const delivery = valueOf(await sendTestWebhook(db, endpoint.id), "queue a test delivery");
  await db.update(outbox).set({ state: "dead", lastError: "gave up (reliability fixture)" }).where(inArray(outbox.id, [email.outboxId, delivery.id]));

  // The demo shop's own role (seeded with the demo accounts), for the role editor's page.
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, DEMO_WAREHOUSE_ROLE.name));

  const segments: SegmentValues = {
    "[number]": order.number,
    "[token]": order.trackingToken,
    "[code]": status!.code,
    "[orderType]": "retail",
    "[table]": ANALYTICS_TABLES[0],
    "documents/[id]": String(document.id),
    "mailbox/[id]": String(email.outboxId),
    "automations/[id]": String(rule!.id),
    "webhooks/[id]": String(endpoint.id),
    "roles/[id]": String(role!.id),
    "[...nextauth]": "session",
    "[...path]": "statuses",
    // A carrier Orderly reads, with a secret no receiver has: every caller gets 401 whatever its session.
    "[carrier]": "inpost",
    "[secret]": "0".repeat(64),
  };
  return { order, documentId: document.id, deadEmailId: email.outboxId, endpointId: endpoint.id, deadDeliveryId: delivery.id, ruleId: rule!.id, segments };
}

export type RouteRows = Awaited<ReturnType<typeof createRouteRows>>;
