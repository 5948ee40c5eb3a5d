import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { orderEvents, statuses, type AutomationRule, type Order, type OrderEvent, type Status } from "@/db/schema";
import { issueDocument, queueDocumentEmail } from "@/lib/documents";
import { enqueueTemplateMessages, type Recipient } from "@/lib/notifications/enqueue";
import { renderTemplate } from "@/lib/notifications/template";
import { snapshotVariables } from "@/lib/notifications/variables";
import type { AutomationStep } from "@/lib/orders/after-event";
import { transitionOrder } from "@/lib/orders/transition";
import { getSettings } from "@/lib/settings";
import type { ActionSpec } from "./schemas";

/** Automated status changes that may follow each other before the chain is stopped. */
export const MAX_AUTOMATION_DEPTH = 5;

export type ActionRunContext = {
  rule: AutomationRule;
  order: Order;
  event: OrderEvent;
  depth: number;
  chain: readonly AutomationStep[];
  index: number;
};

export type ActionRun =
  | { ok: true; order: Order; summary: string }
  | { ok: false; reason: string; message: string };

const fail = (reason: string, message: string): ActionRun => ({ ok: false, reason, message });

/** Thrown inside an action's savepoint to roll back whatever the refused action had written. */
class ActionRefused extends Error {
  constructor(readonly run: ActionRun) {
    super(run.ok ? "refused" : run.message);
  }
}

/**
 * Runs one action in a savepoint: a refused or throwing action undoes only its own writes, and
 * comes back as a failure with a reason, never as an exception that would take the person's
 * change (the event that triggered the rule) down with it.
 */
export async function runActionInSavepoint(tx: Tx, action: ActionSpec, context: ActionRunContext): Promise<ActionRun> {
  try {
    return await tx.transaction(async (savepoint) => {
      const run = await runAction(savepoint, action, context);
      if (!run.ok) throw new ActionRefused(run);
      return run;
    });
  } catch (error) {
    if (error instanceof ActionRefused) return error.run;
    return fail("error", error instanceof Error ? error.message : String(error));
  }
}

async function statusByCode(tx: Tx, code: string): Promise<Status | undefined> {
  const [status] = await tx.select().from(statuses).where(eq(statuses.code, code));
  return status;
}

function runAction(tx: Tx, action: ActionSpec, context: ActionRunContext): Promise<ActionRun> {
  switch (action.type) {
    case "set_status":
      return setStatus(tx, action, context);
    case "send_message":
      return sendMessage(tx, action, context);
    case "add_comment":
      return addComment(tx, action, context);
    case "attach_document":
      return attachDocument(tx, action, context);
  }
}

async function setStatus(
  tx: Tx,
  action: Extract<ActionSpec, { type: "set_status" }>,
  { rule, order, depth, chain }: ActionRunContext,
): Promise<ActionRun> {
  const target = await statusByCode(tx, action.statusCode);
  if (!target) return fail("not_found", `Status "${action.statusCode}" does not exist.`);
  if (order.statusId === target.id) return { ok: true, order, summary: `Already in ${target.name}: nothing to do` };
  // The same rule moving the same order into the same status again means the rules go round in
  // a circle; report it on the first repeat instead of spinning until the depth limit.
  if (chain.some((step) => step.ruleId === rule.id && step.statusId === target.id)) {
    return fail("cycle", `Rules go round in a circle: "${rule.name}" already moved this order to ${target.name} in this chain.`);
  }
  if (depth >= MAX_AUTOMATION_DEPTH) {
    return fail("depth_limit", `Stopped after ${MAX_AUTOMATION_DEPTH} automated changes in a row; not moving to ${target.name}.`);
  }
  const result = await transitionOrder(tx, {
    orderId: order.id,
    to: { id: target.id },
    actor: { type: "automation", id: String(rule.id), label: rule.name },
    automationDepth: depth + 1,
    automationChain: [...chain, { ruleId: rule.id, statusId: target.id }],
  });
  if (!result.ok) return fail(result.error.code, result.error.message);
  return { ok: true, order: result.value.order, summary: `Status set to ${target.name}` };
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
  return { ok: true, order, summary: `Queued the ${what} to ${recipients.map((r) => r.address).join(", ")} (${queued} new)` };
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
  return { ok: true, order, summary: `${action.customerVisible ? "Customer-visible comment" : "Internal comment"} added: “${body}”` };
}

const DOCUMENT_NAMES = { proforma: "Pro-forma", invoice: "Invoice" } as const;

async function attachDocument(
  tx: Tx,
  action: Extract<ActionSpec, { type: "attach_document" }>,
  { rule, order }: ActionRunContext,
): Promise<ActionRun> {
  const actor = { type: "automation" as const, id: String(rule.id), label: rule.name };
  const issued = await issueDocument(tx, { orderId: order.id, kind: action.kind, actor });
  if (!issued.ok) return fail(issued.error.code, issued.error.message);
  const document = issued.value;
  if (!action.email) return { ok: true, order, summary: `${DOCUMENT_NAMES[action.kind]} ${document.number} attached` };
  const queued = await queueDocumentEmail(tx, { orderId: order.id, documentId: document.id, actor });
  if (!queued.ok) return fail(queued.error.code, queued.error.message);
  return { ok: true, order, summary: `${DOCUMENT_NAMES[action.kind]} ${document.number} attached and emailed to the customer` };
}
