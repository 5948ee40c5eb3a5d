import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { commentTemplates, orderEvents, orders, orderTypes, statuses, statusGroups, transitions, type Status } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";
import { writeChecked, type StrandingConfirmation } from "./guard";
import type { StatusInput } from "./schemas";
import type { AuditActor } from "@/lib/audit";

function columnsOf(input: StatusInput) {
  const { commentTemplates: _templates, externalCodes, ...rest } = input;
  return { ...rest, externalCodes: Object.fromEntries(externalCodes.map((e) => [e.channel, e.code])) };
}

async function checkReferences(tx: Tx, input: StatusInput, ownId?: number): Promise<Result<null>> {
  const [clash] = await tx
    .select({ id: statuses.id, name: statuses.name })
    .from(statuses)
    .where(ownId ? and(eq(statuses.code, input.code), ne(statuses.id, ownId)) : eq(statuses.code, input.code));
  if (clash) {
    const message = `The code ${input.code} is already used by ${clash.name}`;
    return refuse("validation_failed", message, {
      fieldErrors: { code: [message] },
      details: { reason: "code_taken", code: input.code, usedBy: clash.name, usedByKind: "status" },
    });
  }
  const [group] = await tx.select({ id: statusGroups.id }).from(statusGroups).where(eq(statusGroups.id, input.groupId));
  if (!group) return refuse("validation_failed", "Choose an existing group", { fieldErrors: { groupId: ["Choose an existing group"] } });
  return ok(null);
}

async function replaceTemplates(tx: Tx, statusId: number, templates: StatusInput["commentTemplates"]) {
  await tx.delete(commentTemplates).where(eq(commentTemplates.statusId, statusId));
  if (templates.length === 0) return;
  await tx.insert(commentTemplates).values(templates.map((t, position) => ({ statusId, position, ...t })));
}

/** A new status goes last in its group. It joins no process until a matrix lists it. */
export async function createStatus(db: DbOrTx, input: StatusInput, actor: AuditActor): Promise<Result<Status>> {
  return writeChecked(db, { actor }, async (tx) => {
    const checked = await checkReferences(tx, input);
    if (!checked.ok) return checked;
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${statuses.position}) + 1, 0)::int` })
      .from(statuses)
      .where(eq(statuses.groupId, input.groupId));
    const [row] = await tx.insert(statuses).values({ ...columnsOf(input), position: next }).returning();
    if (!row) throw new Error("status was not inserted");
    await replaceTemplates(tx, row.id, input.commentTemplates);
    return ok(row);
  });
}

/**
 * Saves every field of the editor. Moving to another group keeps the status's place only if the
 * group is unchanged; otherwise it goes last in the new one. Linted across all order types: a new
 * group kind or payment flag can make a process contradictory.
 */
export async function updateStatus(db: DbOrTx, id: number, input: StatusInput, actor: AuditActor): Promise<Result<Status>> {
  return writeChecked(db, { actor }, async (tx) => {
    const [current] = await tx.select().from(statuses).where(eq(statuses.id, id)).for("update");
    if (!current) return refuse("not_found", "This status no longer exists");
    const checked = await checkReferences(tx, input, id);
    if (!checked.ok) return checked;
    let position = current.position;
    if (current.groupId !== input.groupId) {
      const [{ next } = { next: 0 }] = await tx
        .select({ next: sql<number>`coalesce(max(${statuses.position}) + 1, 0)::int` })
        .from(statuses)
        .where(eq(statuses.groupId, input.groupId));
      position = next;
    }
    const [row] = await tx
      .update(statuses)
      .set({ ...columnsOf(input), position, updatedAt: new Date() })
      .where(eq(statuses.id, id))
      .returning();
    await replaceTemplates(tx, id, input.commentTemplates);
    return ok(row ?? current);
  });
}

/**
 * Archived statuses stay on the orders and in the history that have them, but are never a target
 * again. Refused for an order type's initial status (new orders would start where nobody can go),
 * and, unless confirmed, when it was the only way forward of a status open orders are in.
 */
export async function setStatusArchived(
  db: DbOrTx,
  id: number,
  archived: boolean,
  actor: AuditActor,
  { confirmStranded }: StrandingConfirmation = {},
): Promise<Result<Status>> {
  return writeChecked(db, { actor, confirmStranded }, async (tx) => {
    const [current] = await tx.select().from(statuses).where(eq(statuses.id, id)).for("update");
    if (!current) return refuse("not_found", "This status no longer exists");
    if (archived) {
      const starting = await tx.select({ name: orderTypes.name }).from(orderTypes).where(eq(orderTypes.initialStatusId, id));
      if (starting.length > 0) {
        const names = starting.map((t) => t.name).join(", ");
        return refuse("validation_failed", `${current.name} is where ${names} orders start: choose another initial status first`, {
          details: { reason: "status_is_initial", name: current.name, orderTypes: starting.map((t) => t.name) },
        });
      }
    }
    const [row] = await tx
      .update(statuses)
      .set({ archivedAt: archived ? (current.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(statuses.id, id))
      .returning();
    return ok(row ?? current);
  });
}

/**
 * Deleting is only for mistakes nobody used: a status any order is in, or that appears in any
 * order's history, can only be archived, so the history keeps meaning what it said. Its matrix
 * cells and comment templates go with it.
 */
export async function deleteStatus(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<{ id: number; name: string }>> {
  return writeChecked(db, { actor }, async (tx) => {
    const [current] = await tx.select().from(statuses).where(eq(statuses.id, id)).for("update");
    if (!current) return refuse("not_found", "This status no longer exists");
    const [inOrders] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.statusId, id)).limit(1);
    const [inHistory] = await tx
      .select({ id: orderEvents.id })
      .from(orderEvents)
      .where(or(eq(orderEvents.fromStatusId, id), eq(orderEvents.toStatusId, id)))
      .limit(1);
    if (inOrders || inHistory) {
      return refuse("validation_failed", `${current.name} is used by orders, so it cannot be deleted. Archive it instead.`, {
        details: { reason: "status_in_use", name: current.name },
      });
    }
    const starting = await tx.select({ name: orderTypes.name }).from(orderTypes).where(eq(orderTypes.initialStatusId, id));
    if (starting.length > 0) {
      const names = starting.map((t) => t.name).join(", ");
      return refuse("validation_failed", `${current.name} is where ${names} orders start: choose another initial status first`, {
        details: { reason: "status_is_initial", name: current.name, orderTypes: starting.map((t) => t.name) },
      });
    }
    await tx.delete(transitions).where(or(eq(transitions.fromStatusId, id), eq(transitions.toStatusId, id)));
    await tx.delete(statuses).where(eq(statuses.id, id));
    return ok({ id, name: current.name });
  });
}
