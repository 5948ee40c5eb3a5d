import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { orderTypes, statuses, transitions, type OrderType } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";
import { mergeOrder } from "./groups";
import { writeChecked, type StrandingConfirmation } from "./guard";
import type { AuditActor } from "@/lib/audit";
import type { OrderTypeInput, OrderTypeUpdate } from "./schemas";

async function checkInitial(tx: Tx, statusId: number): Promise<Result<null>> {
  const [status] = await tx.select().from(statuses).where(eq(statuses.id, statusId));
  if (!status) return refuse("validation_failed", "Choose an existing status", { fieldErrors: { initialStatusId: ["Choose an existing status"] } });
  if (status.archivedAt) {
    const message = `${status.name} is archived: new orders cannot start there`;
    return refuse("validation_failed", message, { fieldErrors: { initialStatusId: [message] }, details: { reason: "initial_archived", name: status.name } });
  }
  return ok(null);
}

/** A new order type goes last, with an empty matrix: the admin draws it (or copies one) next. */
export async function createOrderType(
  db: DbOrTx,
  input: OrderTypeInput,
  actor: AuditActor,
): Promise<Result<OrderType>> {
  return writeChecked(db, { actor }, async (tx) => {
    const [clash] = await tx.select({ name: orderTypes.name }).from(orderTypes).where(eq(orderTypes.code, input.code));
    if (clash) {
      const message = `The code ${input.code} is already used by ${clash.name}`;
      return refuse("validation_failed", message, {
        fieldErrors: { code: [message] },
        details: { reason: "code_taken", code: input.code, usedBy: clash.name, usedByKind: "orderType" },
      });
    }
    const initial = await checkInitial(tx, input.initialStatusId);
    if (!initial.ok) return initial;
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${orderTypes.position}) + 1, 0)::int` })
      .from(orderTypes);
    const [row] = await tx.insert(orderTypes).values({ ...input, position: next }).returning();
    if (!row) throw new Error("order type was not inserted");
    return ok(row);
  });
}

/**
 * Renames (in each language when `translations` is given) and sets where new orders start; a new
 * initial status can strand others, so it is linted.
 */
export async function updateOrderType(
  db: DbOrTx,
  input: OrderTypeUpdate,
  actor: AuditActor,
): Promise<Result<OrderType>> {
  return writeChecked(db, { actor }, async (tx) => {
    const initial = await checkInitial(tx, input.initialStatusId);
    if (!initial.ok) return initial;
    const [row] = await tx
      .update(orderTypes)
      // No translations given: drizzle leaves an undefined column out, so the stored ones stay.
      .set({ name: input.name, initialStatusId: input.initialStatusId, translations: input.translations })
      .where(eq(orderTypes.id, input.id))
      .returning();
    return row ? ok(row) : refuse("not_found", "This order type no longer exists");
  });
}

export async function reorderOrderTypes(db: DbOrTx, ids: number[], actor: AuditActor): Promise<Result<{ ids: number[] }>> {
  return writeChecked(db, { actor, order: "orderTypes" }, async (tx) => {
    const existing = (await tx.select({ id: orderTypes.id }).from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id))).map((t) => t.id);
    // Types created meanwhile (not on the admin's page) keep their order after the listed ones.
    const order = mergeOrder(ids, existing);
    if (!order) return refuse("validation_failed", "An order type was removed meanwhile, or listed twice: reload the page and try again");
    for (const [position, id] of order.entries()) await tx.update(orderTypes).set({ position }).where(eq(orderTypes.id, id));
    return ok({ ids: order });
  });
}

/**
 * Replaces one type's matrix with another's. Cells into archived statuses are left behind: they
 * can never be taken, and a fresh copy should not start with warnings. The result is linted like
 * any other matrix change, and strands no open order of the target type unless confirmed.
 */
export async function copyMatrix(
  db: DbOrTx,
  input: { id: number; fromId: number } & StrandingConfirmation,
  actor: AuditActor,
): Promise<Result<{ copied: number }>> {
  if (input.id === input.fromId) return refuse("validation_failed", "Choose another order type to copy from");
  return writeChecked(db, { actor, confirmStranded: input.confirmStranded }, async (tx) => {
    const types = await tx.select().from(orderTypes);
    const target = types.find((t) => t.id === input.id);
    const source = types.find((t) => t.id === input.fromId);
    if (!target || !source) return refuse("not_found", "That order type no longer exists");
    const rows = await tx
      .select({ from: transitions.fromStatusId, to: transitions.toStatusId })
      .from(transitions)
      .innerJoin(statuses, eq(statuses.id, transitions.toStatusId))
      .where(and(eq(transitions.orderTypeId, source.id), sql`${statuses.archivedAt} is null`));
    await tx.delete(transitions).where(eq(transitions.orderTypeId, target.id));
    if (rows.length > 0) {
      await tx.insert(transitions).values(rows.map((r) => ({ orderTypeId: target.id, fromStatusId: r.from, toStatusId: r.to })));
    }
    return ok({ copied: rows.length });
  });
}
