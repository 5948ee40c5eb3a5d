import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { commentTemplates, orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import { ok, validationFailed, type Result } from "@/lib/result";
import { diffWorkflow, type WorkflowDiff } from "./diff";
import { checkDocument, documentSchema, type WorkflowDocument } from "./document";
import { inOwnTransaction } from "@/db/transaction";
import type { Stranding } from "@/lib/result";
import { loadAllDefinitions } from "./definitions";
import { writeChecked, type StrandingConfirmation } from "./guard";
import { newlyStranded } from "./stranding";
import { statusDocument } from "./status-document";
import type { AuditActor } from "@/lib/audit";

/** The shop's whole workflow configuration as one document, in board and list order. */
export async function exportWorkflow(db: DbOrTx): Promise<WorkflowDocument> {
  const [groups, statusRows, types, cells, templates] = await Promise.all([
    db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
    db.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
    db.select().from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.id)),
    db.select().from(transitions),
    db.select().from(commentTemplates).orderBy(asc(commentTemplates.position), asc(commentTemplates.id)),
  ]);
  const codeOf = new Map(statusRows.map((s) => [s.id, s.code]));
  const keyOf = new Map(groups.map((g) => [g.id, g.key]));
  const ordered = groups.flatMap((g) => statusRows.filter((s) => s.groupId === g.id));
  return {
    format: "orderly.workflow",
    version: 1,
    exportedAt: new Date().toISOString(),
    groups: groups.map((g) => ({ key: g.key, name: g.name, colour: g.colour, kind: g.kind, translations: g.translations as NonNullable<WorkflowDocument["groups"][number]["translations"]> })),
    statuses: ordered.map((s) => statusDocument(s, keyOf.get(s.groupId) ?? "", templates)),
    orderTypes: types.map((t) => ({
      code: t.code,
      name: t.name,
      translations: t.translations as NonNullable<WorkflowDocument["orderTypes"][number]["translations"]>,
      initialStatus: codeOf.get(t.initialStatusId) ?? "",
      transitions: cells
        .filter((c) => c.orderTypeId === t.id)
        .map((c): [string, string] => [codeOf.get(c.fromStatusId) ?? "", codeOf.get(c.toStatusId) ?? ""])
        .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
    })),
  };
}

function parseDocument(raw: unknown): Result<WorkflowDocument> {
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) return validationFailed(parsed.error.issues);
  const issues = checkDocument(parsed.data);
  if (issues.length > 0) return validationFailed(issues);
  return ok(parsed.data);
}

/** What applying a document would change, and which open orders it would leave with no way forward. */
export type ImportPreview = WorkflowDiff & { stranding: Stranding };

/**
 * Validates and lints a document and says what applying it would change, including the open
 * orders it would strand, so the admin sees them before applying. Those are counted by applying
 * the document in a transaction of its own that is always rolled back: the same writes and the
 * same count as the real apply, and nothing kept.
 */
export async function previewImport(db: DbOrTx, raw: unknown): Promise<Result<ImportPreview>> {
  const doc = parseDocument(raw);
  if (!doc.ok) return doc;
  const dryRun = async (tx: Tx): Promise<Result<ImportPreview>> => {
    const [before, current] = await Promise.all([loadAllDefinitions(tx), exportWorkflow(tx)]);
    await writeDocument(tx, doc.value);
    const stranding = await newlyStranded(tx, before, await loadAllDefinitions(tx));
    return ok({ ...diffWorkflow(current, doc.value), stranding });
  };
  return inOwnTransaction(db, dryRun, () => false);
}

/**
 * Applies a document in one transaction: groups by key, statuses by code, order types by code,
 * with the listed types' matrices and the listed statuses' comment templates replaced. Anything
 * the document does not mention is kept (a status may be on orders; deleting is not an import's
 * job). Refused whole, changing nothing, if the document or the resulting processes have errors,
 * or if it leaves open orders with no way forward and the caller did not confirm their number.
 */
export async function applyImport(
  db: DbOrTx,
  raw: unknown,
  actor: AuditActor,
  { confirmStranded }: StrandingConfirmation = {},
): Promise<Result<WorkflowDiff>> {
  const parsed = parseDocument(raw);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  return writeChecked(db, { actor, confirmStranded }, async (tx) => {
    const diff = diffWorkflow(await exportWorkflow(tx), doc);
    await writeDocument(tx, doc);
    return ok(diff);
  });
}

/**
 * Positions from a document: a document listing every existing item sets their order; a partial
 * one keeps the shop's order and appends its new items after it, so importing one order type's
 * statuses never reshuffles the board.
 */
function positionsFor(docKeys: string[], existing: { key: string; position: number }[]): Map<string, number> {
  const docSet = new Set(docKeys);
  if (existing.every((e) => docSet.has(e.key))) return new Map(docKeys.map((k, i) => [k, i]));
  const positions = new Map(existing.map((e) => [e.key, e.position]));
  let next = Math.max(-1, ...existing.map((e) => e.position)) + 1;
  for (const key of docKeys) if (!positions.has(key)) positions.set(key, next++);
  return positions;
}

async function writeDocument(tx: Tx, doc: WorkflowDocument) {
  const groupPositions = positionsFor(
    doc.groups.map((g) => g.key),
    await tx.select({ key: statusGroups.key, position: statusGroups.position }).from(statusGroups),
  );
  const typePositions = positionsFor(
    doc.orderTypes.map((t) => t.code),
    await tx.select({ key: orderTypes.code, position: orderTypes.position }).from(orderTypes),
  );
  for (const g of doc.groups) {
    const position = groupPositions.get(g.key) ?? 0;
    await tx
      .insert(statusGroups)
      .values({ ...g, position })
      .onConflictDoUpdate({
        target: statusGroups.key,
        // A document without translations (an older export) leaves the stored ones: drizzle skips undefined.
        set: { name: g.name, colour: g.colour, kind: g.kind, position, translations: g.translations },
      });
  }
  const groupRows = await tx.select().from(statusGroups).where(inArray(statusGroups.key, doc.groups.map((g) => g.key)));
  const groupId = new Map(groupRows.map((g) => [g.key, g.id]));
  const positionInGroup = new Map<string, number>();
  for (const { commentTemplates: templates, group, archived, ...s } of doc.statuses) {
    const position = positionInGroup.get(group) ?? 0;
    positionInGroup.set(group, position + 1);
    const [existing] = await tx.select().from(statuses).where(eq(statuses.code, s.code));
    const values = {
      ...s,
      groupId: groupId.get(group)!,
      position,
      archivedAt: archived ? (existing?.archivedAt ?? new Date()) : null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(statuses).set(values).where(eq(statuses.id, existing.id)).returning()
      : await tx.insert(statuses).values(values).returning();
    if (!row) throw new Error(`status ${s.code} was not written`);
    await tx.delete(commentTemplates).where(eq(commentTemplates.statusId, row.id));
    if (templates.length > 0) {
      await tx.insert(commentTemplates).values(templates.map((t, i) => ({ ...t, statusId: row.id, position: i })));
    }
  }
  const statusRows = await tx.select({ id: statuses.id, code: statuses.code }).from(statuses);
  const statusId = new Map(statusRows.map((s) => [s.code, s.id]));
  for (const t of doc.orderTypes) {
    const position = typePositions.get(t.code) ?? 0;
    const initialStatusId = statusId.get(t.initialStatus)!;
    const [type] = await tx
      .insert(orderTypes)
      .values({ code: t.code, name: t.name, initialStatusId, position, translations: t.translations })
      .onConflictDoUpdate({ target: orderTypes.code, set: { name: t.name, initialStatusId, position, translations: t.translations } })
      .returning();
    if (!type) throw new Error(`order type ${t.code} was not written`);
    await tx.delete(transitions).where(eq(transitions.orderTypeId, type.id));
    if (t.transitions.length > 0) {
      await tx
        .insert(transitions)
        .values(t.transitions.map(([from, to]) => ({ orderTypeId: type.id, fromStatusId: statusId.get(from)!, toStatusId: statusId.get(to)! })))
        .onConflictDoNothing();
    }
  }
}

