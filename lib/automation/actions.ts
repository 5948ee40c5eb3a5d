import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { orderEvents, statuses, type AutomationRule, type Order, type OrderEvent, type Status } from "@/db/schema";
import { issueDocument, queueDocumentEmail } from "@/lib/documents";
import { enqueueTemplateMessages, type Recipient } from "@/lib/notifications/enqueue";
import { renderTemplate } from "@/lib/notifications/template";
import { snapshotVariables } from "@/lib/notifications/variables";
import type { EffectOutcome, OrderEffect } from "@/lib/orders/reactions";
import { attemptInSavepoint } from "@/lib/orders/savepoint";
import { getSettings } from "@/lib/settings";
import type { ActionSpec } from "./schemas";
import type { ActionSaid } from "./trace";

export type ActionRunContext = {
  rule: AutomationRule;
  order: Order;
  event: OrderEvent;
  index: number;
};

export type ActionRun =
  | { ok: true; order: Order; summary: string; said: ActionSaid }
  | { ok: false; reason: string; message: string };

const fail = (reason: string, message: string): ActionRun => ({ ok: false, reason, message });

/**
 * Runs one action. A status change is not made here: it is yielded as an effect for the orders
 * layer, which keeps the chain's depth and cycle limits and applies it in a savepoint of its own;
 * the action gets the outcome back before the rule goes on. Every other action runs in a savepoint
 * (lib/orders/savepoint.ts), so a refused or throwing one undoes only its own writes.
 */
export async function* runActionSteps(tx: Tx, action: ActionSpec, context: ActionRunContext): AsyncGenerator<OrderEffect, ActionRun, EffectOutcome> {
  if (action.type === "set_status") return yield* setStatus(tx, action, context);
  return attemptInSavepoint(tx, (savepoint) => runAction(savepoint, action, context));
}

async function statusByCode(tx: Tx, code: string): Promise<Status | undefined> {
  const [status] = await tx.select().from(statuses).where(eq(statuses.code, code));
  return status;
}

function runAction(tx: Tx, action: Exclude<ActionSpec, { type: "set_status" }>, context: ActionRunContext): Promise<ActionRun> {
  switch (action.type) {
    case "send_message":
      return sendMessage(tx, action, context);
    case "add_comment":
      return addComment(tx, action, context);
    case "attach_document":
      return attachDocument(tx, action, context);
  }
}

async function* setStatus(
  tx: Tx,
  action: Extract<ActionSpec, { type: "set_status" }>,
  { rule, order }: ActionRunContext,
): AsyncGenerator<OrderEffect, ActionRun, EffectOutcome> {
  const target = await statusByCode(tx, action.statusCode);
  if (!target) return fail("not_found", `Status "${action.statusCode}" does not exist.`);
  if (order.statusId === target.id) return { ok: true, order, summary: `Already in ${target.name}: nothing to do`, said: { key: "alreadyIn", values: { status: target.name } } };
  const outcome = yield { type: "set_status", to: target, actor: { type: "automation", id: String(rule.id), label: rule.name }, ruleId: rule.id };
  if (!outcome.ok) return fail(outcome.reason, outcome.message);
  return { ok: true, order: outcome.order, summary: `Status set to ${target.name}`, said: { key: "statusSet", values: { status: target.name } } };
}

async function sendMessage(
  tx: Tx,
  action: Extract<ActionSpec, { type: "send_message" }>,
  { rule, order, event, index }: ActionRunContext,
): Promise<ActionRun> {
  const status = await statusByCode(tx, action.statusCode);
  if (!status) return fail("not_found", `Status "${action.statusCode}" does not exist.`);
  const settings = await getSettings(tx);
  const recipients: Recipient[] = [];
  if (action.audience === "customer") {
    const address = action.channel === "email" ? order.customerEmail : order.customerPhone;
    if (!address) return fail("no_recipient", `The customer has no ${action.channel === "email" ? "email address" : "phone number"}.`);
    recipients.push({ kind: action.channel, audience: "customer", address });
  } else {
    const fallback = status.adminEmails.length ? status.adminEmails : settings.supportEmail ? [settings.supportEmail] : [];
    const addresses = action.to.length ? action.to : fallback;
    if (!addresses.length) {
      return fail("no_recipient", `No admin address: add one to the rule, to ${status.name}'s notifications or as the shop's support email.`);
    }
    for (const address of addresses) recipients.push({ kind: "email", audience: "admin", address });
  }
  const queued = await enqueueTemplateMessages(tx, {
    order,
    status,
    settings,
    eventId: event.id,
    recipients,
    // Per rule, triggering event and action: the same rule firing for the same event is one message.
    keyPrefix: `automation:${rule.id}:event:${event.id}:${index}`,
  });
  const what = `${status.name} ${action.channel === "email" ? "email" : "SMS"}`;
  const to = recipients.map((r) => r.address).join(", ");
  return {
    ok: true,
    order,
    summary: `Queued the ${what} to ${to} (${queued} new)`,
    said: { key: "messageQueued", values: { status: status.name, channel: action.channel, to, count: queued } },
  };
}

async function addComment(
  tx: Tx,
  action: Extract<ActionSpec, { type: "add_comment" }>,
  { rule, order }: ActionRunContext,
): Promise<ActionRun> {
  const [status] = await tx.select().from(statuses).where(eq(statuses.id, order.statusId));
  if (!status) throw new Error(`status ${order.statusId} of order ${order.number} is missing`);
  const variables = snapshotVariables({ order, status, settings: await getSettings(tx) });
  const body = renderTemplate(action.body, variables);
  await tx.insert(orderEvents).values({
    orderId: order.id,
    type: "comment",
    actorType: "automation",
    actorId: String(rule.id),
    actorLabel: rule.name,
    comment: body,
    customerVisible: action.customerVisible,
  });
  return {
    ok: true,
    order,
    summary: `${action.customerVisible ? "Customer-visible comment" : "Internal comment"} added: “${body}”`,
    said: { key: "commentAdded", values: { visible: action.customerVisible ? "yes" : "no", body } },
  };
}

const DOCUMENT_NAMES = { proforma: "Pro-forma", invoice: "Invoice", correction: "Correction invoice" } as const;

async function attachDocument(
  tx: Tx,
  action: Extract<ActionSpec, { type: "attach_document" }>,
  { rule, order }: ActionRunContext,
): Promise<ActionRun> {
  const actor = { type: "automation" as const, id: String(rule.id), label: rule.name };
  const issued = await issueDocument(tx, { orderId: order.id, kind: action.kind, actor });
  if (!issued.ok) return fail(issued.error.code, issued.error.message);
  const document = issued.value;
  const said = { kind: action.kind, number: document.number };
  if (!action.email) return { ok: true, order, summary: `${DOCUMENT_NAMES[action.kind]} ${document.number} attached`, said: { key: "documentAttached", values: said } };
  const queued = await queueDocumentEmail(tx, { orderId: order.id, documentId: document.id, actor });
  if (!queued.ok) return fail(queued.error.code, queued.error.message);
  return {
    ok: true,
    order,
    summary: `${DOCUMENT_NAMES[action.kind]} ${document.number} attached and emailed to the customer`,
    said: { key: "documentEmailed", values: said },
  };
}
