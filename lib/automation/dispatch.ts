import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  automationRules,
  automationRuns,
  orderEvents,
  orderTypes,
  statuses,
  type AutomationRule,
  type Order,
  type OrderEvent,
  type OrderEventType,
} from "@/db/schema";
import type { OrderEventContext, OrderReaction, ReactionSteps } from "@/lib/orders/reactions";
import { runActionSteps } from "./actions";
import { checkConditions, conditionsHold, type OrderFacts } from "./conditions";
import { parseStoredRule, type Trigger, type TriggerSpec } from "./schemas";
import type { ActionOutcome, RuleTrace } from "./trace";
import { isUndo } from "@/lib/orders/undo-mark";
import { parcelEventDataOf } from "@/lib/parcels/event-data";

const TRIGGER_OF_EVENT: Partial<Record<OrderEventType, Trigger>> = {
  created: "order_created",
  status_changed: "status_entered",
  payment_recorded: "payment_recorded",
  tracking_updated: "tracking_updated",
  parcel_event: "parcel_event",
};

/** The trigger an order event fires (none for comments and failure records). */
export function triggerOf(type: OrderEventType): Trigger | undefined {
  return TRIGGER_OF_EVENT[type];
}

/** Which rows of `automation_rules` run on `trigger`: the enabled ones with it. */
export function triggeredBy(trigger: Trigger): SQL {
  return and(eq(automationRules.trigger, trigger), eq(automationRules.enabled, true))!;
}

/** The enabled rules the event triggers, in their position order (none for other events). */
export async function rulesTriggeredBy(tx: Tx, event: OrderEvent): Promise<AutomationRule[]> {
  const trigger = triggerOf(event.type);
  if (!trigger) return [];
  return tx.select().from(automationRules).where(triggeredBy(trigger)).orderBy(asc(automationRules.position), asc(automationRules.id));
}

/**
 * Runs the given rules one after another inside the change's own transaction. Each rule sees the
 * order as the rules before it left it. Returns the order as it stands afterwards.
 */
export async function* runRules(tx: Tx, context: OrderEventContext, rules: AutomationRule[]): ReactionSteps<Order> {
  let order = context.order;
  for (const rule of rules) order = (yield* runRule(tx, rule, { ...context, order })).order;
  return order;
}

/**
 * Automation rules as a reaction to order events (wired in lib/order-reactions.ts): the enabled
 * rules the event triggers, in their position order; their status changes are yielded as effects.
 */
export const automationReaction: OrderReaction = {
  name: "rules",
  listens(type) {
    const trigger = triggerOf(type);
    return trigger ? sql<boolean>`exists (select 1 from ${automationRules} where ${triggeredBy(trigger)})` : sql<boolean>`false`;
  },
  async prepare(tx, event) {
    // An undo restores where the order just was: the rules that fired on the way there do not
    // fire again on the way back (webhooks still report it).
    const rules = isUndo(event) ? [] : await rulesTriggeredBy(tx, event);
    return (context) => runRules(tx, context, rules);
  },
};

async function loadOrderFacts(tx: Tx, order: Order): Promise<OrderFacts> {
  const [row] = await tx
    .select({ orderType: orderTypes.code, status: statuses.code })
    .from(orderTypes)
    .innerJoin(statuses, eq(statuses.id, order.statusId))
    .where(eq(orderTypes.id, order.orderTypeId));
  if (!row) throw new Error(`order ${order.number} has no order type or status`);
  return {
    ...row,
    channel: order.channel,
    paymentMethod: order.paymentMethod,
    shippingMethod: order.shippingMethod,
    courier: order.courier,
    country: order.shippingAddress?.country ?? null,
    total: order.total,
    paid: order.paidAt !== null,
  };
}

export type RuleRun = { order: Order; outcome: "done" | "failed" | "skipped" | "not_matched" | "already_ran" };

/**
 * One rule against one event: the trigger's own setting (which status), the conditions, then the
 * actions in order, each in a savepoint. After a failed action the rule's later actions are
 * skipped (they were written assuming the earlier ones happened); other rules still run.
 * `entryKey` (time rules) claims the run first, so a rule fires at most once per status entry
 * even with several schedulers: the loser of the race finds the row there and stops.
 */
export async function* runRule(
  tx: Tx,
  rule: AutomationRule,
  context: OrderEventContext,
  options: { entryKey?: string } = {},
): ReactionSteps<RuleRun> {
  let order = context.order;
  const trace: RuleTrace = {
    ruleId: rule.id,
    ruleName: rule.name,
    trigger: rule.trigger,
    depth: context.depth,
    triggerEventId: context.event.id,
    matched: false,
    conditions: [],
    actions: [],
  };
  // Recorded before the actions run, and filled in as they do, so a dry run lists a rule before
  // the rules its own changes chain into. Rules that do not listen to this event are left out.
  let traced = false;
  const traceOnce = () => {
    if (!traced) context.observe?.(trace);
    traced = true;
  };
  const finish = (outcome: RuleRun["outcome"]): RuleRun => ({ order, outcome });

  let runId: number | undefined;
  if (options.entryKey) {
    const [claimed] = await tx
      .insert(automationRuns)
      .values({ ruleId: rule.id, orderId: order.id, triggerEventId: context.event.id, entryKey: options.entryKey, outcome: "skipped" })
      .onConflictDoNothing()
      .returning({ id: automationRuns.id });
    if (!claimed) {
      trace.skippedBecause = "Already ran for this stay in the status";
      trace.skipReason = "already_ran";
      traceOnce();
      return finish("already_ran");
    }
    runId = claimed.id;
  }

  const spec = parseStoredRule(rule);
  const facts = await loadOrderFacts(tx, order);
  const writeRun = async (outcome: "done" | "failed" | "skipped", detail: Record<string, unknown>) => {
    const values = { outcome, detail: { trigger: rule.trigger, depth: context.depth, ...detail } };
    if (runId) await tx.update(automationRuns).set(values).where(eq(automationRuns.id, runId));
    else await tx.insert(automationRuns).values({ ruleId: rule.id, orderId: order.id, triggerEventId: context.event.id, ...values });
  };

  if (!spec) {
    trace.skippedBecause = "The rule's stored settings are not valid; open and save it again";
    trace.skipReason = "invalid_rule";
    traceOnce();
    await recordFailure(tx, rule, order.id, context, { index: -1, type: "rule", reason: "invalid_rule", message: trace.skippedBecause });
    await writeRun("failed", { reason: "invalid_rule" });
    return finish("failed");
  }

  if (spec.trigger.type === "status_entered" || spec.trigger.type === "time_in_status") {
    const wanted = spec.trigger.statusCode;
    const entered = context.event.type !== "status_changed" || context.event.toStatusId === order.statusId;
    if (facts.status !== wanted || !entered) {
      // A rule before this one may have moved the order on: "entered X" no longer describes it.
      if (facts.status !== wanted && entered) return finish("not_matched");
      trace.skippedBecause = "The order left the status before this rule's turn";
      trace.skipReason = "status_changed";
      traceOnce();
      if (runId) await writeRun("skipped", { reason: "status_changed" });
      return finish("not_matched");
    }
  }

  // A parcel rule names the events and carriers it is for; another carrier's report, or another
  // event, is not this rule's business (left out of a dry run like a status another rule waits for).
  if (spec.trigger.type === "parcel_event" && !parcelEventWanted(spec.trigger, context.event)) return finish("not_matched");

  traceOnce();
  trace.conditions = checkConditions(spec.conditions, facts);
  if (!conditionsHold(trace.conditions)) {
    // Time rules log the miss (their claim row says "looked at this entry"); event rules would
    // flood the log with every order that did not match.
    if (runId) await writeRun("skipped", { reason: "conditions", conditions: trace.conditions });
    return finish("not_matched");
  }
  trace.matched = true;

  let failure: ActionOutcome | undefined;
  for (const [index, action] of spec.actions.entries()) {
    if (failure) {
      trace.actions.push({ index, type: action.type, outcome: "skipped", summary: "Not run: an earlier action failed", said: { key: "notRun", values: {} } });
      continue;
    }
    const run = yield* runActionSteps(tx, action, { rule, order, event: context.event, index });
    if (run.ok) {
      order = run.order;
      trace.actions.push({ index, type: action.type, outcome: "done", summary: run.summary, said: run.said });
    } else {
      failure = { index, type: action.type, outcome: "failed", summary: run.message, reason: run.reason };
      trace.actions.push(failure);
      await recordFailure(tx, rule, order.id, context, { index, type: action.type, reason: run.reason, message: run.message });
    }
  }

  await writeRun(failure ? "failed" : "done", {
    actions: trace.actions,
    ...(failure ? { reason: failure.reason, message: failure.summary } : {}),
  });
  return finish(failure ? "failed" : "done");
}

/** Whether a parcel event is one the rule's trigger asks for: its event, and its carrier (any case). */
export function parcelEventWanted(trigger: Extract<TriggerSpec, { type: "parcel_event" }>, event: OrderEvent): boolean {
  const parcel = parcelEventDataOf(event.data);
  if (event.type !== "parcel_event" || !parcel) return false;
  if (trigger.events.length && !trigger.events.includes(parcel.event)) return false;
  return !trigger.carriers.length || trigger.carriers.includes(parcel.carrier.toLowerCase());
}

/** The `automation_failed` event: on the order's history and linked to the rule's log. */
async function recordFailure(
  tx: Tx,
  rule: AutomationRule,
  orderId: number,
  context: OrderEventContext,
  failure: { index: number; type: string; reason: string; message: string },
) {
  await tx.insert(orderEvents).values({
    orderId,
    type: "automation_failed",
    actorType: "automation",
    actorId: String(rule.id),
    actorLabel: rule.name,
    comment: failure.message,
    data: {
      ruleId: rule.id,
      ruleName: rule.name,
      actionIndex: failure.index,
      actionType: failure.type,
      reason: failure.reason,
      message: failure.message,
      triggerEventId: context.event.id,
      depth: context.depth,
    },
  });
}
