import { z } from "zod";
import type { Tx, DbOrTx } from "@/db";
import { inTransaction } from "@/db/transaction";
import type { Order, OrderEvent } from "@/db/schema";
import { enqueueStatusNotifications } from "@/lib/notifications/enqueue";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { getMessageSettings } from "@/lib/settings";
import { evaluateTransition } from "@/lib/workflow";
import { actorSchema, type Actor } from "./actor";
import { atMost, ORDER_LIMITS } from "./limits";
import { prepareReactions } from "./after-event";
import { insertStatusEvent, updateStatus } from "./fast-path";
import { lockOrderForChange, type OrderKey } from "./lock-order";
import type { EffectOutcome, Listeners, OrderEffect, OrderEventContext, ReactionSteps } from "./reactions";
import { attemptInSavepoint } from "./savepoint";
import { loadTransitionCheck } from "./transition-check";
import { undoMark } from "./undo-mark";

/** A target status by id (the UI) or by code (the API, ERPs). */
const statusRefSchema = z.union([
  z.object({ id: z.number().int().positive() }),
  z.object({ code: z.string().min(1).max(64) }),
]);

/** The fields of a change, for schemas that take some of them (the API's body); parse with `transitionInputSchema`. */
export const transitionInputFields = z.object({
  /** The order by id (screens, rules), or by its number (the API: read under the lock, not before it). */
  orderId: z.number().int().positive().optional(),
  orderNumber: z.string().min(1).max(64).optional(),
  to: statusRefSchema,
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
  comment: z.string().trim().max(ORDER_LIMITS.comment, atMost(ORDER_LIMITS.comment)).optional(),
  customerVisible: z.boolean().optional(),
  notify: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
});

export const transitionInputSchema = transitionInputFields.refine((input) => (input.orderId === undefined) !== (input.orderNumber === undefined), {
  message: "Name the order by its id or its number",
  path: ["orderId"],
});

export type TransitionInput = z.input<typeof transitionInputSchema>;
export type TransitionOutcome = {
  order: Order;
  event: OrderEvent;
  notificationsQueued: number;
  /** Until when the person may undo the change (their messages are held till then); null: no undo. */
  undoUntil: Date | null;
};

/** Who watches a change: the preview of a change (lib/change-preview) reads what the rules it sets off noted. */
export type ChangeWatch = Pick<OrderEventContext, "observe">;

/**
 * The one way an order's status changes. Every caller (order page, board, bulk change, API,
 * automation) comes through here, so the matrix and the guards are checked in one place.
 * Runs in one transaction (the caller's, if it has one) with the order row locked; a refusal
 * changes nothing. `watch.observe` gets the notes of every rule the change sets off, however deep
 * the chain goes (see `OrderEventContext`).
 */
export function transitionOrder(db: DbOrTx, raw: TransitionInput, watch: ChangeWatch = {}): Promise<Result<TransitionOutcome>> {
  return changeStatus(db, raw, watch.observe ? { ...NO_CHAIN, observe: watch.observe } : NO_CHAIN);
}

/**
 * The way back for `lib/orders/undo.ts`, which has checked under the order's lock that `undone`
 * is the order's latest change, still within the hold, and cancelled its held messages: the
 * change back skips the matrix and the guards (it restores where the order just was), tells the
 * customer nothing, and is recorded as a change of its own that names the one it undoes.
 */
export function revertStatusChange(tx: Tx, undone: OrderEvent, actor: TransitionInput["actor"]): Promise<Result<TransitionOutcome>> {
  if (undone.fromStatusId === null) throw new Error("a status change without a from-status cannot be undone");
  return changeStatus(tx, { orderId: undone.orderId, to: { id: undone.fromStatusId }, actor, notify: { email: false, sms: false } }, NO_CHAIN, undone);
}

/** The person behind a change, whose role's status rights the check applies; nobody's for the API, rules and the system. */
function userIdOf(actor: Actor): number | null {
  const id = actor.type === "user" ? Number(actor.id) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Where a change stands in a chain of automated changes, and who watches it (see `afterOrderEvent`). */
type ChainPosition = Pick<OrderEventContext, "depth" | "chain" | "observe">;
const NO_CHAIN: ChainPosition = { depth: 0, chain: [] };

async function changeStatus(db: DbOrTx, raw: TransitionInput, position: ChainPosition, undoes?: OrderEvent): Promise<Result<TransitionOutcome>> {
  const parsed = transitionInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  return inTransaction(db, async (tx): Promise<Result<TransitionOutcome>> => {
    // The row lock serialises concurrent changes of one order: the next one waits, then sees
    // the new version and status. What the check needs and the shop settings are sent behind
    // the lock on the same connection without waiting for it (one round trip, not four).
    const key: OrderKey = input.orderId !== undefined ? { id: input.orderId } : { number: input.orderNumber! };
    const [locked, pipelined, settings] = await Promise.all([
      lockOrderForChange(tx, key, input.expectedVersion),
      loadTransitionCheck(tx, { order: key, to: input.to, userId: userIdOf(input.actor) }),
      getMessageSettings(tx),
    ]);
    if (!locked.ok) return locked;
    const order = locked.value;
    // The check must describe the locked row. Sent behind the lock it always does; asking again
    // keeps the verdict right even if a driver ever reordered the pipeline.
    const check =
      pipelined.fromStatusId === order.statusId
        ? pipelined
        : await loadTransitionCheck(tx, { order: { id: order.id }, to: input.to, userId: userIdOf(input.actor) });

    const target = check.target;
    if (!target) {
      const which = "code" in input.to ? `with code "${input.to.code}"` : `${input.to.id}`;
      return refuse("not_found", `Status ${which} does not exist.`, { details: { missing: "status" } });
    }
    const definition = check.definition;
    if (!definition) return refuse("not_found", `The order type of ${order.number} does not exist.`);

    const verdict = undoes
      ? ({ ok: true } as const)
      : evaluateTransition(definition, { statusId: order.statusId, paid: order.paidAt !== null, paymentMethod: order.paymentMethod }, target.id);
    if (!verdict.ok) {
      if (verdict.code === "transition_not_allowed") return refuse(verdict.code, verdict.message, { details: { allowed: verdict.allowed } });
      if (verdict.code === "guard_failed") return refuse(verdict.code, verdict.message, { details: { reason: verdict.reason } });
      if (verdict.code === "status_not_permitted") return refuse(verdict.code, verdict.message, { details: { role: verdict.role } });
      return refuse(verdict.code, verdict.message);
    }

    // The update, the history row and its messages go out together: none needs another's answer
    // (the history row's id was drawn by the check). The updated order is the locked row with the
    // four columns the update sets.
    const now = new Date();
    const comment = input.comment || undefined;
    const eventId = check.eventId;
    if (eventId === undefined) throw new Error("the check drew no history id");
    const updated: Order = { ...order, statusId: target.id, statusChangedAt: now, version: order.version + 1, updatedAt: now };
    const [, [event], notificationsQueued] = await Promise.all([
      updateStatus(tx, { orderId: order.id, statusId: target.id, version: updated.version, now }),
      insertStatusEvent(tx, {
        id: eventId,
        orderId: order.id,
        fromStatusId: order.statusId,
        toStatusId: target.id,
        actorType: input.actor.type,
        actorId: input.actor.id ?? null,
        actorLabel: input.actor.label,
        comment: comment ?? null,
        customerVisible: input.customerVisible ?? false,
        data: undoes ? undoMark(undoes.id) : {},
        now,
      }),
      // An undo tells nobody: the customer never heard of the change it takes back.
      undoes
        ? 0
        : enqueueStatusNotifications(tx, {
        order: updated,
        status: target,
        settings,
        eventId,
        comment: input.customerVisible ? comment : undefined,
        notify: input.notify,
        // A person's change on a screen can be undone: its messages wait the shop's hold.
        hold: input.actor.type === "user",
      }),
    ]);
    if (!event) throw new Error("status_changed event was not written");

    const latest = await afterOrderEvent(
      tx,
      { order: updated, event, ...position },
      check.listeners,
    );
    const undoable = input.actor.type === "user" && !undoes && settings.messageHoldSeconds > 0;
    const undoUntil = undoable ? new Date(now.getTime() + settings.messageHoldSeconds * 1000) : null;
    return { ok: true, value: { order: latest, event, notificationsQueued, undoUntil } };
  });
}

/** Automated status changes that may follow each other before the chain is stopped. */
export const MAX_AUTOMATION_DEPTH = 5;

/**
 * Steps 8 and 9 of every change (the design's transition algorithm), shared by creation, status
 * changes, payments and tracking updates, inside the change's own transaction: every reaction of
 * the wiring (lib/order-reactions.ts) that listens gets the event, webhooks first, then the rules,
 * and the effects they yield are applied here. Returns the order as it stands afterwards, which
 * the rules may have moved on. `listeners`, when the caller already knows them, spares the lookups
 * of what nobody listens with.
 *
 * It lives beside `changeStatus` because each feeds the other: a change runs the reactions, and a
 * reaction's "set status" is a change, one level deeper in the chain.
 */
export async function afterOrderEvent(tx: Tx, context: OrderEventContext, listeners?: Listeners): Promise<Order> {
  let order = context.order;
  for (const react of await prepareReactions(tx, context.event, listeners)) {
    order = (await applyEffects(tx, { ...context, order }, react({ ...context, order }))) ?? order;
  }
  return order;
}

/**
 * Runs a reaction's steps to the end, applying each effect it yields and handing back how it went.
 * `lib/automation` drives a single rule (the scheduler) or a dry run's rules through here too, so
 * every chain of automated changes meets the same limits.
 */
export async function applyEffects<T>(tx: Tx, context: OrderEventContext, steps: ReactionSteps<T>): Promise<T> {
  let step = await steps.next();
  while (!step.done) step = await steps.next(await applyEffect(tx, context, step.value));
  return step.value;
}

/**
 * One effect, in a savepoint of its own. The depth and cycle limits are kept here, in one place:
 * automations stop chaining at a depth so a misconfigured pair of rules cannot loop, and the same
 * rule moving the same order into the same status again is reported as a circle on the first
 * repeat instead of spinning until the depth limit.
 */
async function applyEffect(tx: Tx, context: OrderEventContext, effect: OrderEffect): Promise<EffectOutcome> {
  const { to, actor, ruleId } = effect;
  const chain = context.chain ?? [];
  if (chain.some((step) => step.ruleId === ruleId && step.statusId === to.id)) {
    return { ok: false, reason: "cycle", message: `Rules go round in a circle: "${actor.label}" already moved this order to ${to.name} in this chain.` };
  }
  if (context.depth >= MAX_AUTOMATION_DEPTH) {
    return { ok: false, reason: "depth_limit", message: `Stopped after ${MAX_AUTOMATION_DEPTH} automated changes in a row; not moving to ${to.name}.` };
  }
  const position = { depth: context.depth + 1, chain: [...chain, { ruleId, statusId: to.id }], observe: context.observe };
  return attemptInSavepoint<{ ok: true; order: Order }>(tx, async (savepoint) => {
    const result = await changeStatus(savepoint, { orderId: context.order.id, to: { id: to.id }, actor }, position);
    if (!result.ok) return { ok: false, reason: result.error.code, message: result.error.message };
    return { ok: true, order: result.value.order };
  });
}
