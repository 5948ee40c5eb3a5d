import { asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { statuses, statusGroups, type StatusGroup } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";
import { writeChecked } from "./guard";
import type { GroupInput, StatusLayout } from "./schemas";
import type { AuditActor } from "@/lib/audit";

function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug || "group";
}

/** A new group goes last. Its key is derived from the name and made unique; admins never type it. */
export async function createGroup(db: DbOrTx, input: GroupInput, actor: AuditActor): Promise<Result<StatusGroup>> {
  return writeChecked(db, { actor }, async (tx) => {
    const base = slugOf(input.name);
    const taken = new Set((await tx.select({ key: statusGroups.key }).from(statusGroups)).map((g) => g.key));
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${statusGroups.position}) + 1, 0)::int` })
      .from(statusGroups);
    const [row] = await tx.insert(statusGroups).values({ ...input, key, position: next }).returning();
    if (!row) throw new Error("group was not inserted");
    return ok(row);
  });
}

/** Renames and recolours; the kind is linted because it decides which statuses close an order. */
export async function updateGroup(db: DbOrTx, id: number, input: GroupInput, actor: AuditActor): Promise<Result<StatusGroup>> {
  return writeChecked(db, { actor }, async (tx) => {
    const [row] = await tx.update(statusGroups).set(input).where(eq(statusGroups.id, id)).returning();
    return row ? ok(row) : refuse("not_found", "This group no longer exists");
  });
}

/** Only an empty group can go: statuses are never deleted as a side effect. */
export async function deleteGroup(db: DbOrTx, id: number, actor: AuditActor): Promise<Result<{ id: number }>> {
  return writeChecked(db, { actor }, async (tx) => {
    const [group] = await tx.select().from(statusGroups).where(eq(statusGroups.id, id));
    if (!group) return refuse("not_found", "This group no longer exists");
    const [member] = await tx.select({ id: statuses.id }).from(statuses).where(eq(statuses.groupId, id)).limit(1);
    if (member) {
      return refuse("validation_failed", `${group.name} still has statuses: move them to another group first`, {
        details: { reason: "group_not_empty", name: group.name },
      });
    }
    await tx.delete(statusGroups).where(eq(statusGroups.id, id));
    return ok({ id });
  });
}

/**
 * Group order as the page shows it. Groups the page did not know about (added meanwhile by
 * someone else) keep their relative order after the listed ones, so a slightly stale page still
 * saves what the admin meant; an unknown or repeated id is refused.
 */
export async function reorderGroups(db: DbOrTx, ids: number[], actor: AuditActor): Promise<Result<{ ids: number[] }>> {
  return writeChecked(db, { actor, order: "groups" }, async (tx) => {
    const existing = (await tx.select({ id: statusGroups.id }).from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id))).map((g) => g.id);
    const order = mergeOrder(ids, existing);
    if (!order) return refuse("validation_failed", "A group was removed meanwhile, or listed twice: reload the page and try again");
    for (const [position, id] of order.entries()) {
      await tx.update(statusGroups).set({ position }).where(eq(statusGroups.id, id));
    }
    return ok({ ids: order });
  });
}

/**
 * Saves where statuses sit: their group and their place in it. The page sends the layout after
 * each drag. A status listed twice (in two groups at once) or an unknown id refuses the whole
 * layout; statuses the page did not know about stay in their group, after the listed ones. A move
 * into another group is linted, because the group's kind decides whether a status closes orders.
 */
export async function saveStatusLayout(db: DbOrTx, layout: StatusLayout, actor: AuditActor): Promise<Result<StatusLayout>> {
  return writeChecked(db, { actor, order: "statuses" }, async (tx) => {
    const groupIds = layout.groups.map((g) => g.groupId);
    const statusIds = layout.groups.flatMap((g) => g.statusIds);
    if (new Set(groupIds).size !== groupIds.length) return refuse("validation_failed", "A group appears twice in the layout");
    if (new Set(statusIds).size !== statusIds.length) {
      return refuse("validation_failed", "A status cannot be in two groups at once: reload the page and try again");
    }
    const knownGroups = await tx.select({ id: statusGroups.id }).from(statusGroups).where(inArray(statusGroups.id, groupIds));
    if (knownGroups.length !== groupIds.length) return refuse("validation_failed", "A group no longer exists: reload the page");
    const all = await tx.select({ id: statuses.id, groupId: statuses.groupId }).from(statuses).orderBy(asc(statuses.position), asc(statuses.id));
    const known = new Set(all.map((s) => s.id));
    if (statusIds.some((id) => !known.has(id))) return refuse("validation_failed", "A status no longer exists: reload the page");
    const listed = new Set(statusIds);
    for (const group of layout.groups) {
      const latecomers = all.filter((s) => s.groupId === group.groupId && !listed.has(s.id)).map((s) => s.id);
      for (const [position, id] of [...group.statusIds, ...latecomers].entries()) {
        await tx.update(statuses).set({ groupId: group.groupId, position }).where(eq(statuses.id, id));
      }
    }
    return ok(layout);
  });
}

/** `wanted` first, then the rest of `existing` in its order; undefined if `wanted` is not a subset without repeats. */
export function mergeOrder(wanted: number[], existing: number[]): number[] | undefined {
  const known = new Set(existing);
  if (new Set(wanted).size !== wanted.length || wanted.some((id) => !known.has(id))) return undefined;
  const listed = new Set(wanted);
  return [...wanted, ...existing.filter((id) => !listed.has(id))];
}
