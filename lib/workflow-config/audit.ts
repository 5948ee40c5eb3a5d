import { asc } from "drizzle-orm";
import type { Tx } from "@/db";
import { commentTemplates, orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import { recordAudit, sameSnapshot, type AuditActor, type AuditRecord } from "@/lib/audit";
import type { Stranding } from "@/lib/result";
import { statusDocument } from "./status-document";

/**
 * Who writes the workflow, and which order the write is about: a reorder records the order
 * itself (one entry), every other write leaves positions out (a new status goes last in its
 * group; that is no reordering of the others).
 */
export type WorkflowAudit = { actor: AuditActor; order?: "groups" | "statuses" | "orderTypes" };

type Named = { id: number; name: string };
type GroupSnapshot = Named & { fields: Record<string, unknown> };
type StatusSnapshot = Named & { groupId: number; code: string; fields: Record<string, unknown> };
type TypeSnapshot = Named & { fields: Record<string, unknown>; cells: Set<string> };

/** The workflow as the audit trail describes it: by id, in board and list order. */
export type WorkflowSnapshot = { groups: GroupSnapshot[]; statuses: StatusSnapshot[]; types: TypeSnapshot[] };

export async function snapshotWorkflow(tx: Tx): Promise<WorkflowSnapshot> {
  const [groupRows, statusRows, typeRows, cells, templates] = await Promise.all([
    tx.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
    tx.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
    tx.select().from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id)),
    tx.select().from(transitions),
    tx.select().from(commentTemplates).orderBy(asc(commentTemplates.position), asc(commentTemplates.id)),
  ]);
  const groupName = new Map(groupRows.map((g) => [g.id, g.name]));
  const code = new Map(statusRows.map((s) => [s.id, s.code]));
  return {
    groups: groupRows.map((g) => ({ id: g.id, name: g.name, fields: { key: g.key, name: g.name, colour: g.colour, kind: g.kind, translations: g.translations } })),
    statuses: statusRows.map((s) => ({
      id: s.id,
      name: s.name,
      groupId: s.groupId,
      code: s.code,
      fields: statusDocument(s, groupName.get(s.groupId) ?? "", templates),
    })),
    types: typeRows.map((t) => ({
      id: t.id,
      name: t.name,
      fields: { code: t.code, name: t.name, translations: t.translations, initialStatus: code.get(t.initialStatusId) ?? null },
      cells: new Set(cells.filter((c) => c.orderTypeId === t.id).map((c) => `${c.fromStatusId}:${c.toStatusId}`)),
    })),
  };
}

/** A matrix as the log keeps it: the allowed pairs by status code, sorted. */
function pairsOf(cells: Set<string>, snapshot: WorkflowSnapshot): string[] {
  const code = new Map(snapshot.statuses.map((s) => [s.id, s.code]));
  return [...cells]
    .map((cell) => cell.split(":").map((id) => code.get(Number(id)) ?? id))
    .map(([from, to]) => `${from} → ${to}`)
    .sort((a, b) => a.localeCompare(b));
}

function sameCells(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((cell) => b.has(cell));
}

type Entity = { id: number; name: string; fields: Record<string, unknown> };

/** Created, deleted or updated entries of one kind, matched by id (a renamed code stays the same status). */
function entityEntries<T extends Entity>(
  kind: "status_group" | "status" | "order_type",
  before: T[],
  after: T[],
  fieldsOf: (t: T) => Record<string, unknown>,
  actionOf: (b: Record<string, unknown>, a: Record<string, unknown>) => string = () => "updated",
): Omit<AuditRecord, "actor">[] {
  const was = new Map(before.map((e) => [e.id, e]));
  const is = new Map(after.map((e) => [e.id, e]));
  const entries: Omit<AuditRecord, "actor">[] = [];
  for (const b of before) {
    if (!is.has(b.id)) entries.push({ kind, action: "deleted", subject: { id: b.id, label: b.name }, before: fieldsOf(b), after: null });
  }
  for (const a of after) {
    const b = was.get(a.id);
    if (!b) {
      entries.push({ kind, action: "created", subject: { id: a.id, label: a.name }, before: null, after: fieldsOf(a) });
    } else if (!sameSnapshot(fieldsOf(b), fieldsOf(a))) {
      entries.push({ kind, action: actionOf(fieldsOf(b), fieldsOf(a)), subject: { id: a.id, label: a.name }, before: fieldsOf(b), after: fieldsOf(a) });
    }
  }
  return entries;
}

/** Archiving and restoring are their own verbs: the page says "archived", not "updated". */
function statusAction(before: Record<string, unknown>, after: Record<string, unknown>): string {
  if (before.archived === after.archived) return "updated";
  return after.archived ? "archived" : "restored";
}

function layoutOf(snapshot: WorkflowSnapshot): Record<string, string[]> {
  return Object.fromEntries(
    snapshot.groups.map((g) => [g.name, snapshot.statuses.filter((s) => s.groupId === g.id).map((s) => s.code)]),
  );
}

function orderEntry(kind: AuditRecord["kind"], before: Record<string, unknown>, after: Record<string, unknown>) {
  return sameSnapshot(before, after) ? [] : [{ kind, action: "reordered", subject: { id: null, label: "" }, before, after }];
}

/**
 * What a write changed, entity by entity: groups, statuses (with their comment templates), order
 * types, each order type's matrix (compared by status ids, shown by codes), and the order the
 * write was about. Pure: the db tests and the services share it.
 */
export function workflowChanges(before: WorkflowSnapshot, after: WorkflowSnapshot, order?: WorkflowAudit["order"]): Omit<AuditRecord, "actor">[] {
  // A drag on the status board moves statuses between groups: that is the layout's one entry.
  const statusFields = (s: StatusSnapshot) => (order === "statuses" ? { ...s.fields, group: undefined } : s.fields);
  const entries = [
    ...entityEntries("status_group", before.groups, after.groups, (g) => g.fields),
    ...entityEntries("status", before.statuses, after.statuses, statusFields, statusAction),
    ...entityEntries("order_type", before.types, after.types, (t) => t.fields),
  ];
  const typesBefore = new Map(before.types.map((t) => [t.id, t]));
  for (const type of after.types) {
    const previous = typesBefore.get(type.id)?.cells ?? new Set<string>();
    if (sameCells(previous, type.cells)) continue;
    entries.push({
      kind: "matrix",
      action: "updated",
      subject: { id: type.id, label: type.name },
      before: { transitions: pairsOf(previous, before) },
      after: { transitions: pairsOf(type.cells, after) },
    });
  }
  if (order === "groups") {
    entries.push(...orderEntry("status_group", { order: before.groups.map((g) => g.name) }, { order: after.groups.map((g) => g.name) }));
  }
  if (order === "statuses") entries.push(...orderEntry("status", layoutOf(before), layoutOf(after)));
  if (order === "orderTypes") {
    entries.push(...orderEntry("order_type", { order: before.types.map((t) => t.name) }, { order: after.types.map((t) => t.name) }));
  }
  return entries;
}

export async function recordWorkflowChanges(tx: Tx, before: WorkflowSnapshot, audit: WorkflowAudit): Promise<void> {
  const after = await snapshotWorkflow(tx);
  for (const entry of workflowChanges(before, after, audit.order)) await recordAudit(tx, { ...entry, actor: audit.actor });
}

/**
 * The open orders a kept write left with no way forward, which the admin confirmed: one entry per
 * order type, beside the change that caused it, so the trail says who accepted stranding them.
 */
export async function recordStrandedOrders(tx: Tx, stranding: Stranding, actor: AuditActor): Promise<void> {
  const byType = new Map<string, Stranding["stranded"]>();
  for (const s of stranding.stranded) byType.set(s.orderType.code, [...(byType.get(s.orderType.code) ?? []), s]);
  for (const group of byType.values()) {
    const type = group[0]!.orderType;
    await recordAudit(tx, {
      actor,
      kind: "matrix",
      action: "orders_stranded",
      subject: { id: type.id ?? null, label: type.name },
      before: null,
      after: { strandedOrders: group.map((s) => `${s.status.name}: ${s.orders}`) },
    });
  }
}
