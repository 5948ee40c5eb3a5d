import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { inTransaction } from "@/db/transaction";
import { orderEvents, outbox, type OrderEvent } from "@/db/schema";
import { UNDONE_REASON } from "@/lib/notifications/outbox-reasons";
import { refuse, type Result } from "@/lib/result";
import { getMessageSettings } from "@/lib/settings";
import type { Actor } from "./actor";
import { lockOrderForChange } from "./lock-order";
import { revertStatusChange, type TransitionOutcome } from "./transition";
import { isUndo } from "./undo-mark";

/** Why a change could not be undone: the screens word it from this. */
export type UndoRefusal = "not_undoable" | "changed_since" | "hold_over" | "already_sent" | "not_yours";

export type UndoInput = {
  eventId: number;
  actor: Actor & { type: "user"; id: string };
  /** Whether the person may undo other people's changes (roles that open the admin area). */
  mayUndoOthers: boolean;
  now?: Date;
};

/**
 * Takes a person's status change back while its customer messages are still held (ADR 0128): under
 * the order's row lock it checks the change is the order's latest and the hold has not ended,
 * cancels the held emails and SMS (a message the worker already took makes the undo refuse, so a
 * customer never gets a message for a change that was undone), and moves the order back through
 * the transition service as a change of its own ("undone by ..."), which webhooks report like
 * any other and rules do not react to.
 */
export async function undoStatusChange(db: DbOrTx, input: UndoInput): Promise<Result<TransitionOutcome>> {
  return inTransaction(db, async (tx) => {
    const [event] = await tx.select().from(orderEvents).where(eq(orderEvents.id, input.eventId));
    if (!event || event.type !== "status_changed" || event.fromStatusId === null || isUndo(event)) {
      return undoRefused("not_undoable", "Only a status change can be undone, and an undo cannot.");
    }
    if (!input.mayUndoOthers && !(event.actorType === "user" && event.actorId === input.actor.id)) {
      return undoRefused("not_yours", "Only the person who made a change (or an admin) can undo it.");
    }
    const locked = await lockOrderForChange(tx, { id: event.orderId });
    if (!locked.ok) return locked;
    const latest = await latestStatusChange(tx, event.orderId);
    if (latest !== event.id || locked.value.statusId !== event.toStatusId) {
      return undoRefused("changed_since", "The order changed again since: undo is only for its latest change.");
    }
    const { messageHoldSeconds } = await getMessageSettings(tx);
    const now = input.now ?? new Date();
    if (messageHoldSeconds === 0 || now.getTime() >= event.createdAt.getTime() + messageHoldSeconds * 1000) {
      return undoRefused("hold_over", "Too late to undo: the change's messages are no longer held.");
    }
    const held = await cancelHeldMessages(tx, event);
    if (!held.ok) return held;
    return revertStatusChange(tx, event, input.actor);
  });
}

/** The id of the order's newest status change (its creation counts as one: nothing before it to go back to). */
async function latestStatusChange(tx: Tx, orderId: number): Promise<number | undefined> {
  const [row] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), inArray(orderEvents.type, ["created", "status_changed"])))
    .orderBy(desc(orderEvents.id))
    .limit(1);
  return row?.id;
}

/**
 * Cancels the change's emails and SMS still waiting. The worker claims a message by moving it
 * out of `pending` in its own transaction, and skips rows another transaction has locked: either
 * this update takes the row first (the worker never sees it again) or the worker did (the row is
 * no longer pending, and the undo is refused). Never both.
 */
async function cancelHeldMessages(tx: Tx, event: OrderEvent): Promise<Result<number>> {
  const messages = and(eq(outbox.eventId, event.id), inArray(outbox.kind, ["email", "sms"]));
  const [gone] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(outbox)
    .where(and(messages, inArray(outbox.state, ["sending", "sent"])));
  if ((gone?.count ?? 0) > 0) return undoRefused("already_sent", "A message of this change has already gone out: it cannot be undone unseen.");
  const cancelled = await tx
    .update(outbox)
    .set({ state: "cancelled", lastError: UNDONE_REASON })
    .where(and(messages, eq(outbox.state, "pending")))
    .returning({ id: outbox.id });
  // Between the count and the update the worker may have claimed one: look again under the locks.
  const [late] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(outbox)
    .where(and(messages, inArray(outbox.state, ["sending", "sent"])));
  if ((late?.count ?? 0) > 0) return undoRefused("already_sent", "A message of this change has already gone out: it cannot be undone unseen.");
  return { ok: true, value: cancelled.length };
}

function undoRefused(reason: UndoRefusal, message: string) {
  return refuse("undo_refused", message, { details: { reason } });
}

export type UndoBatchReport = { eventId: number; result: Result<TransitionOutcome> }[];

/** A bulk change undone as a batch: each change in its own transaction, so one refusal keeps no other from being undone. */
export async function undoStatusChanges(db: DbOrTx, input: Omit<UndoInput, "eventId"> & { eventIds: number[] }): Promise<UndoBatchReport> {
  const report: UndoBatchReport = [];
  for (const eventId of input.eventIds) report.push({ eventId, result: await undoStatusChange(db, { ...input, eventId }) });
  return report;
}
