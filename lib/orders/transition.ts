import { eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { compileQuery, placeholderFor } from "@/db/compiled-query";
import { withinTransaction } from "@/db/within-transaction";
import { orderEvents, orders, type Order, type OrderEvent } from "@/db/schema";
import { enqueueStatusNotifications } from "@/lib/notifications/enqueue";
import { refuse, validationFailed, type Result } from "@/lib/result";
import { getMessageSettings } from "@/lib/settings";
import { evaluateTransition } from "@/lib/workflow";
import { actorSchema } from "./actor";
import { afterOrderEvent } from "./after-event";
import { lockOrderForChange } from "./lock-order";
import { loadTransitionCheck } from "./transition-check";

/** A target status by id (the UI) or by code (the API, ERPs). */
const statusRefSchema = z.union([
  z.object({ id: z.number().int().positive() }),
  z.object({ code: z.string().min(1).max(64) }),
]);

export const transitionInputSchema = z.object({
  orderId: z.number().int().positive(),
  to: statusRefSchema,
  actor: actorSchema,
  expectedVersion: z.number().int().positive().optional(),
  comment: z.string().trim().max(5000).optional(),
  customerVisible: z.boolean().optional(),
  notify: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
  /** How many automated changes led to this one; set only by `lib/automation`. */
  automationDepth: z.number().int().min(0).optional(),
  /** The automated changes that led to this one (cycle detection); set only by `lib/automation`. */
  automationChain: z.array(z.object({ ruleId: z.number().int(), statusId: z.number().int() })).optional(),
});

export type TransitionInput = z.input<typeof transitionInputSchema>;
export type TransitionOutcome = { order: Order; event: OrderEvent; notificationsQueued: number };

// The two writes of every change, built once (see compileQuery).
const updateStatus = compileQuery<unknown, { orderId: number; statusId: number; version: number; now: Date }>((db) =>
  db
    .update(orders)
    .set({
      statusId: placeholderFor("statusId", orders.statusId),
      statusChangedAt: placeholderFor("now", orders.statusChangedAt),
      version: placeholderFor("version", orders.version),
      updatedAt: placeholderFor("now", orders.updatedAt),
    })
    .where(eq(orders.id, sql.placeholder("orderId"))),
);

type StatusEventValues = Pick<OrderEvent, "id" | "orderId" | "fromStatusId" | "toStatusId" | "actorType" | "actorId" | "actorLabel" | "comment" | "customerVisible"> & {
  now: Date;
};

const insertStatusEvent = compileQuery<OrderEvent[], StatusEventValues>(
  (db) =>
    db
      .insert(orderEvents)
      .overridingSystemValue()
      .values({
        id: sql.placeholder("id"),
        orderId: sql.placeholder("orderId"),
        type: "status_changed",
        fromStatusId: sql.placeholder("fromStatusId"),
        toStatusId: sql.placeholder("toStatusId"),
        actorType: sql.placeholder("actorType"),
        actorId: sql.placeholder("actorId"),
        actorLabel: sql.placeholder("actorLabel"),
        comment: sql.placeholder("comment"),
        customerVisible: sql.placeholder("customerVisible"),
        createdAt: sql.placeholder("now"),
      })
      .returning(),
  getTableColumns(orderEvents),
);

/**
 * The one way an order's status changes. Every caller (order page, board, bulk change, API,
 * automation) comes through here, so the matrix and the guards are checked in one place.
 * Runs in one transaction (the caller's, if it has one) with the order row locked; a refusal
 * changes nothing.
 */
export async function transitionOrder(db: Db, raw: TransitionInput): Promise<Result<TransitionOutcome>> {
  const parsed = transitionInputSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const input = parsed.data;

  return withinTransaction(db, async (tx): Promise<Result<TransitionOutcome>> => {
    // The row lock serialises concurrent changes of one order: the next one waits, then sees
    // the new version and status. What the check needs and the shop settings are sent behind
    // the lock on the same connection without waiting for it (one round trip, not four).
    const [locked, pipelined, settings] = await Promise.all([
      lockOrderForChange(tx, input.orderId, input.expectedVersion),
      loadTransitionCheck(tx, { orderId: input.orderId, to: input.to }),
      getMessageSettings(tx),
    ]);
    if (!locked.ok) return locked;
    const order = locked.value;
    // The check must describe the locked row. Sent behind the lock it always does; asking again
    // keeps the verdict right even if a driver ever reordered the pipeline.
    const check =
      pipelined.fromStatusId === order.statusId ? pipelined : await loadTransitionCheck(tx, { orderId: order.id, to: input.to });

    const target = check.target;
    if (!target) {
      const which = "code" in input.to ? `with code "${input.to.code}"` : `${input.to.id}`;
      return refuse("not_found", `Status ${which} does not exist.`);
    }
    const definition = check.definition;
    if (!definition) return refuse("not_found", `The order type of ${order.number} does not exist.`);

    const verdict = evaluateTransition(
      definition,
      { statusId: order.statusId, paid: order.paidAt !== null, paymentMethod: order.paymentMethod },
      target.id,
    );
    if (!verdict.ok) {
      const { code, message, ...details } = verdict;
      return refuse(code, message, { details });
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
        now,
      }),
      enqueueStatusNotifications(tx, {
        order: updated,
        status: target,
        settings,
        eventId,
        comment: input.customerVisible ? comment : undefined,
        notify: input.notify,
      }),
    ]);
    if (!event) throw new Error("status_changed event was not written");

    const latest = await afterOrderEvent(
      tx,
      { order: updated, event, depth: input.automationDepth ?? 0, chain: input.automationChain },
      check.listeners,
    );
    return { ok: true, value: { order: latest, event, notificationsQueued } };
  });
}

export type BulkTransitionInput = Omit<TransitionInput, "orderId" | "expectedVersion"> & {
  orders: { orderId: number; expectedVersion?: number }[];
};

export type BulkTransitionReport = { orderId: number; result: Result<TransitionOutcome> }[];

/**
 * Bulk change: each order goes through `transitionOrder` in its own transaction, so one
 * refusal neither hides nor undoes another order's success.
 */
export async function transitionOrders(
  db: Db,
  input: BulkTransitionInput,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkTransitionReport> {
  const report: BulkTransitionReport = [];
  for (const { orderId, expectedVersion } of input.orders) {
    const { orders: _all, ...shared } = input;
    const result = await transitionOrder(db, { ...shared, orderId, expectedVersion });
    report.push({ orderId, result });
    onProgress?.(report.length, input.orders.length);
  }
  return report;
}
