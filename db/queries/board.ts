import "server-only";
import { asc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { automationRules, commentTemplates, orderEvents, orders, orderTypes, statuses, statusGroups, transitions } from "@/db/schema";
import { nameIn } from "@/lib/i18n/name-in";
import type { WorkflowDefinition } from "@/lib/workflow";
import { loadBoardData, type BoardColumnRequest, type BoardFilters } from "./board-query";

export { BOARD_COUNT_CAP, BOARD_MAX_CARDS, BOARD_PAGE_SIZE, type BoardCard, type BoardFilters } from "./board-query";

/** The order types the staff screens filter and switch by, each named in the reader's language (`locale`) where it has a translation. */
export async function listBoardOrderTypes({ db, locale }: { db: DbOrTx; locale: string }) {
  const rows = await db
    .select({ id: orderTypes.id, code: orderTypes.code, name: orderTypes.name, translations: orderTypes.translations })
    .from(orderTypes)
    .orderBy(asc(orderTypes.position), asc(orderTypes.id));
  return rows.map(({ translations, ...type }) => ({ ...type, name: nameIn({ name: type.name, translations }, locale) }));
}

/**
 * The statuses an order type's board shows, in board order with their groups: the type's initial
 * status and every status its matrix mentions. Archived statuses stay while orders may sit in
 * them, so no order disappears from the board; the engine never offers them as targets.
 * `name`, the status's and its group's, is in the reader's language (`locale`) where there is a translation; `startsRules`
 * says whether an enabled automation rule fires when an order enters it.
 */
export async function listBoardStatuses({ db, orderTypeId, locale }: { db: DbOrTx; orderTypeId: number; locale: string }) {
  const inMatrix = db
    .select({ id: transitions.fromStatusId })
    .from(transitions)
    .where(eq(transitions.orderTypeId, orderTypeId))
    .union(db.select({ id: transitions.toStatusId }).from(transitions).where(eq(transitions.orderTypeId, orderTypeId)))
    .union(db.select({ id: orderTypes.initialStatusId }).from(orderTypes).where(eq(orderTypes.id, orderTypeId)));
  const rows = await db
    .select({
      id: statuses.id,
      code: statuses.code,
      name: statuses.name,
      translations: statuses.translations,
      colour: statuses.colour,
      slaHours: statuses.slaHours,
      requiresPayment: statuses.requiresPayment,
      notifyCustomerEmail: statuses.notifyCustomerEmail,
      notifyCustomerSms: statuses.notifyCustomerSms,
      archived: sql<boolean>`${statuses.archivedAt} is not null`,
      // An enabled "entered this status" rule: a drop here may set off more than the move itself.
      startsRules: sql<boolean>`exists (select 1 from ${automationRules} where ${automationRules.enabled} and ${automationRules.trigger} = 'status_entered' and ${automationRules.triggerConfig}->>'statusCode' = ${statuses.code})`,
      group: { id: statusGroups.id, name: statusGroups.name, translations: statusGroups.translations, colour: statusGroups.colour, kind: statusGroups.kind },
    })
    .from(statuses)
    .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
    .where(inArray(statuses.id, inMatrix))
    .orderBy(asc(statusGroups.position), asc(statusGroups.id), asc(statuses.position), asc(statuses.id));
  return rows.map(({ translations, group: { translations: groupTranslations, ...group }, ...status }) => ({
    ...status,
    name: nameIn({ name: status.name, translations }, locale),
    group: { ...group, name: nameIn({ name: group.name, translations: groupTranslations }, locale) },
  }));
}

/**
 * The workflow definition with its statuses named as `named` names them (the reader's language,
 * from listBoardStatuses), so the rule engine's answers on screen use the same names as the columns.
 */
export function withStatusNames(definition: WorkflowDefinition, named: { id: number; name: string }[]): WorkflowDefinition {
  const names = new Map(named.map((s) => [s.id, s.name]));
  return { ...definition, statuses: definition.statuses.map((s) => ({ ...s, name: names.get(s.id) ?? s.name })) };
}

export type BoardStatus = Awaited<ReturnType<typeof listBoardStatuses>>[number];

export async function loadBoard(input: {
  db: DbOrTx;
  orderTypeId: number;
  columns: BoardColumnRequest[];
  filters: BoardFilters;
}) {
  return loadBoardData(input);
}

/** Comment templates for these statuses plus the ones meant for any status, in the admin's order. */
export async function listCommentTemplates({ db, statusIds }: { db: DbOrTx; statusIds: number[] }) {
  return db
    .select({ id: commentTemplates.id, statusId: commentTemplates.statusId, title: commentTemplates.title, body: commentTemplates.body })
    .from(commentTemplates)
    .where(statusIds.length ? or(isNull(commentTemplates.statusId), inArray(commentTemplates.statusId, statusIds)) : isNull(commentTemplates.statusId))
    .orderBy(asc(commentTemplates.position), asc(commentTemplates.id));
}

export type CommentTemplateOption = Awaited<ReturnType<typeof listCommentTemplates>>[number];

export type FilterFacets = { channels: string[]; couriers: string[]; paymentMethods: string[] };

// The filter menus list the values in use. Finding them is a pass over every order, so the
// answer is kept for a minute per process: a new courier appearing a minute late is harmless.
const FACETS_TTL_MS = 60_000;
let facetsCache: { at: number; value: Promise<FilterFacets> } | undefined;

export function listFilterFacets({ db }: { db: DbOrTx }): Promise<FilterFacets> {
  if (facetsCache && Date.now() - facetsCache.at < FACETS_TTL_MS) return facetsCache.value;
  const value = db
    .select({
      channels: sql<string[] | null>`array_agg(distinct ${orders.channel})`,
      couriers: sql<string[] | null>`array_agg(distinct ${orders.courier}) filter (where ${orders.courier} is not null)`,
      paymentMethods: sql<string[] | null>`array_agg(distinct ${orders.paymentMethod})`,
    })
    .from(orders)
    .then(([row]) => ({
      channels: row?.channels ?? [],
      couriers: row?.couriers ?? [],
      paymentMethods: row?.paymentMethods ?? [],
    }));
  facetsCache = { at: Date.now(), value };
  value.catch(() => (facetsCache = undefined));
  return value;
}

/**
 * Changes since a point in time, cheaply: every change to an order (status, payment, tracking,
 * creation) writes a history event, so the newest event id moves whenever anything changed.
 * An index lookup on the primary key, whatever the size of the history.
 */
export async function getChangeStamp({ db }: { db: DbOrTx }): Promise<number> {
  const [row] = await db.select({ latest: max(orderEvents.id) }).from(orderEvents);
  return Number(row?.latest ?? 0);
}
