import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { commentTemplates, orders, orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import type { WorkflowStatus } from "@/lib/workflow";
import { nameIn } from "@/lib/i18n/name-in";

/** Statuses in their groups, in board order. */
export async function listStatusesByGroup({ db }: { db: DbOrTx }) {
  const [groups, rows] = await Promise.all([
    db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
    db.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
  ]);
  return groups.map((group) => ({ group, statuses: rows.filter((s) => s.groupId === group.id) }));
}

export async function listOrderTypes({ db }: { db: DbOrTx }) {
  return db
    .select({ type: orderTypes, initialStatus: statuses.name })
    .from(orderTypes)
    .innerJoin(statuses, eq(orderTypes.initialStatusId, statuses.id))
    .orderBy(asc(orderTypes.position), asc(orderTypes.id));
}

/** The groups in board order, each named in the reader's language (`locale`) where it has a translation. */
export async function listStatusGroups({ db, locale }: { db: DbOrTx; locale: string }) {
  const groups = await db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id));
  return groups.map((g) => ({ ...g, name: nameIn(g, locale) }));
}

/** One status for its editor, with its comment templates in order. */
export async function getStatusForEditor({ db, code }: { db: DbOrTx; code: string }) {
  const [status] = await db.select().from(statuses).where(eq(statuses.code, code));
  if (!status) return undefined;
  const templates = await db
    .select()
    .from(commentTemplates)
    .where(eq(commentTemplates.statusId, status.id))
    .orderBy(asc(commentTemplates.position), asc(commentTemplates.id));
  const [usage] = await db.select({ count: sql<number>`count(*)::int` }).from(orders).where(eq(orders.statusId, status.id));
  return { status, templates, ordersInStatus: Number(usage?.count ?? 0) };
}

/** Sales channels the shop's orders come from, for the notification switches. */
export async function listSalesChannels({ db }: { db: DbOrTx }): Promise<string[]> {
  const rows = await db.selectDistinct({ channel: orders.channel }).from(orders).orderBy(asc(orders.channel));
  return rows.map((r) => r.channel);
}

export type MatrixStatus = WorkflowStatus & { colour: string; groupId: number };

/** Everything the matrix editor and the picture need for one order type, in board order. */
export async function getMatrixEditor({ db, code, locale }: { db: DbOrTx; code: string; locale?: string }) {
  const [type] = await db.select().from(orderTypes).where(eq(orderTypes.code, code));
  if (!type) return undefined;
  const [groups, rows, cells] = await Promise.all([
    db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
    db
      .select({ status: statuses, groupKind: statusGroups.kind })
      .from(statuses)
      .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
      .orderBy(asc(statusGroups.position), asc(statusGroups.id), asc(statuses.position), asc(statuses.id)),
    db
      .select({ from: transitions.fromStatusId, to: transitions.toStatusId })
      .from(transitions)
      .where(eq(transitions.orderTypeId, type.id)),
  ]);
  // Statuses and groups in the reader's language when given, for the grid, the picture and the lint.
  const named = (row: Parameters<typeof nameIn>[0]) => (locale ? nameIn(row, locale) : row.name);
  const list = rows.map(
    ({ status: s, groupKind }): MatrixStatus => ({
      id: s.id,
      code: s.code,
      name: named(s),
      groupKind,
      requiresPayment: s.requiresPayment,
      allowCashOnDelivery: s.allowCashOnDelivery,
      awaitsPayment: s.awaitsPayment,
      archived: s.archivedAt !== null,
      colour: s.colour,
      groupId: s.groupId,
    }),
  );
  return { type, groups: groups.map((g) => ({ ...g, name: named(g) })), statuses: list, transitions: cells };
}
