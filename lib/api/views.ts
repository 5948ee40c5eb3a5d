import { asc, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { compileQuery } from "@/db/compiled-query";
import { catalogueRevision, orderTypes, statusGroups, statuses, type Order, type OrderEvent, type Status, type StatusGroup } from "@/db/schema";
import { trackingUrlFor } from "@/lib/notifications/variables";
import { getMessageSettings } from "@/lib/settings";
import { isUndo } from "@/lib/orders/undo-mark";
import type { ApiEvent, ApiOrder, ApiStatus, OrderEventItem } from "./schemas";

/**
 * Orders and events refer to statuses and types by id; the API speaks in codes. One lookup
 * per request (the workflow is dozens of rows) serves every order on a page.
 */
export type Lookups = {
  statusById: Map<number, Status>;
  groupById: Map<number, StatusGroup>;
  typeCodeById: Map<number, string>;
  appUrl: string;
};

// Read by every API answer that shows an order: built once (see compileQuery).
const allStatuses = compileQuery<Status[], Record<string, never>>(
  "api.allStatuses",
  (db) => db.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.id)),
  getTableColumns(statuses),
);
const allGroups = compileQuery<StatusGroup[], Record<string, never>>(
  "api.allGroups",
  (db) => db.select().from(statusGroups).orderBy(asc(statusGroups.position), asc(statusGroups.id)),
  getTableColumns(statusGroups),
);
const typeCodes = { id: orderTypes.id, code: orderTypes.code };
const allTypeCodes = compileQuery<{ id: number; code: string }[], Record<string, never>>("api.allTypeCodes", (db) => db.select(typeCodes).from(orderTypes), typeCodes);

const readRevision = compileQuery<{ revision: number }[], Record<string, never>>(
  "api.catalogueRevision",
  (db) => db.select({ revision: catalogueRevision.revision }).from(catalogueRevision),
  { revision: catalogueRevision.revision },
);

async function readLookups(db: DbOrTx): Promise<Lookups> {
  const [statusRows, groupRows, typeRows, settings] = await Promise.all([
    allStatuses(db, {}),
    allGroups(db, {}),
    allTypeCodes(db, {}),
    // Only the app's address: the compiled read of the message settings, not the whole row (logo included).
    getMessageSettings(db),
  ]);
  return {
    statusById: new Map(statusRows.map((s) => [s.id, s])),
    groupById: new Map(groupRows.map((g) => [g.id, g])),
    typeCodeById: new Map(typeRows.map((t) => [t.id, t.code])),
    appUrl: settings.appUrl,
  };
}

// The last lookups read, under the catalogue revision read before them (ADR 0144).
let kept: { revision: number; lookups: Lookups } | undefined;

/**
 * The lookups, read again only when the catalogue revision moved since they were last read: every
 * write to statuses, groups, order types or the app's address moves it (database triggers), so a
 * change made by another process or in the caller's own transaction is seen at once. The revision
 * is read first: lookups read after it are at least that new, so they are never kept under a
 * revision newer than they are.
 */
export async function loadLookups(db: DbOrTx): Promise<Lookups> {
  const [row] = await readRevision(db, {});
  if (row && kept?.revision === row.revision) return kept.lookups;
  const lookups = await readLookups(db);
  if (row) kept = { revision: row.revision, lookups };
  return lookups;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

export function statusView(status: Status, lookups: Lookups): ApiStatus {
  const group = must(lookups.groupById.get(status.groupId), `group ${status.groupId}`);
  return {
    code: status.code,
    name: status.name,
    customerLabel: status.customerLabel,
    description: status.description,
    colour: status.colour,
    group: { key: group.key, name: group.name, kind: group.kind },
    position: status.position,
    requiresPayment: status.requiresPayment,
    allowCashOnDelivery: status.allowCashOnDelivery,
    awaitsPayment: status.awaitsPayment,
    allowsEditing: status.allowsEditing,
    slaHours: status.slaHours,
    externalCodes: status.externalCodes,
    archived: status.archivedAt !== null,
  };
}

export function orderView(order: Order, lookups: Lookups): ApiOrder {
  const status = must(lookups.statusById.get(order.statusId), `status ${order.statusId}`);
  const group = must(lookups.groupById.get(status.groupId), `group ${status.groupId}`);
  return {
    number: order.number,
    orderType: must(lookups.typeCodeById.get(order.orderTypeId), `order type ${order.orderTypeId}`),
    status: { code: status.code, name: status.name, groupKind: group.kind, externalCodes: status.externalCodes },
    statusChangedAt: order.statusChangedAt.toISOString(),
    version: order.version,
    channel: order.channel,
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    locale: order.locale,
    currency: order.currency,
    total: order.total,
    items: order.items,
    payment: { method: order.paymentMethod, paidAmount: order.paidAmount, paidAt: order.paidAt?.toISOString() ?? null },
    shipping: {
      method: order.shippingMethod,
      courier: order.courier,
      trackingNumber: order.trackingNumber,
      address: order.shippingAddress ?? null,
    },
    trackingUrl: trackingUrlFor(order, lookups.appUrl),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export function eventView(event: OrderEvent, lookups: Lookups): ApiEvent {
  const code = (id: number | null) => (id === null ? null : (lookups.statusById.get(id)?.code ?? null));
  return {
    id: event.id,
    type: event.type,
    from: code(event.fromStatusId),
    to: code(event.toStatusId),
    actor: { type: event.actorType, label: event.actorLabel },
    comment: event.comment,
    customerVisible: event.customerVisible,
    data: event.data,
    undoes: isUndo(event) ? (event.data.undoes as number) : null,
    createdAt: event.createdAt.toISOString(),
  };
}

/** An event in a list that can span orders (the feed, a page of one order's history): with its order's number and sequence. */
export function orderEventView(event: OrderEvent, of: { number: string; sequence: number | null }, lookups: Lookups): OrderEventItem {
  return { order: of.number, ...eventView(event, lookups), sequence: of.sequence };
}
