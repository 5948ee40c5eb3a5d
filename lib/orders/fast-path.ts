import { asc, eq, getTableColumns, getTableName, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { compileQuery, placeholderFor } from "@/db/compiled-query";
import { orderEvents, orders, orderTypes, roles, roleStatusRights, statuses, statusGroups, transitions, users, type Order, type OrderEvent } from "@/db/schema";

/**
 * The statements every status change runs, each built once (see compileQuery) so a change costs
 * Postgres's time and not drizzle's: the row lock, the check, the update and the history row. The
 * message settings and the outbox insert it also runs are built the same way beside their own
 * modules (lib/settings.ts, lib/notifications/enqueue.ts). `fast-path.db.test.ts` holds each of
 * them to what drizzle's public API answers for the same statement, and fails when the drizzle
 * internals compileQuery relies on change.
 */

/**
 * Which order a statement is about: the `order` placeholder is its id, or its number (the API
 * names orders by number, and reading the id first would cost a round trip of its own).
 */
const ORDER_MATCH = {
  id: sql`${orders.id} = ${sql.placeholder("order")}`,
  number: sql`${orders.number} = ${sql.placeholder("order")}`,
} as const;
type OrderMatch = keyof typeof ORDER_MATCH;

/** Step 1 of every change to an order: its row, locked until the transaction ends. */
export const selectOrderForUpdate = {
  byId: compileQuery<Order[], { order: number }>(
    "orders.selectForUpdate",
    (db) => db.select().from(orders).where(ORDER_MATCH.id).for("update"),
    getTableColumns(orders),
  ),
  byNumber: compileQuery<Order[], { order: string }>(
    "orders.selectByNumberForUpdate",
    (db) => db.select().from(orders).where(ORDER_MATCH.number).for("update"),
    getTableColumns(orders),
  ),
};

/** The check's one statement, for an order matched by `order` and a target named by `isTarget`; both are placeholders. */
function checkStatement(statementName: string, order: OrderMatch, isTarget: (target: Placeholder) => SQL, listeners: Record<string, SQL<boolean>>) {
  const { selection, where } = checkParts(order, isTarget, listeners);
  return compileQuery(
    statementName,
    (db) =>
      db
        .select(selection)
        .from(statuses)
        .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
        .where(where)
        // Board order: the refusal's `allowed` list comes out as the full definition would give it.
        .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id)),
    selection,
  );
}

function checkParts(order: OrderMatch, isTarget: (target: Placeholder) => SQL, listeners: Record<string, SQL<boolean>>) {
  const fromStatus = sql`(select ${orders.statusId} from ${orders} where ${ORDER_MATCH[order]})`;
  const orderType = sql`(select ${orders.orderTypeId} from ${orders} where ${ORDER_MATCH[order]})`;
  const allowed = sql<boolean>`exists (select 1 from ${transitions} where ${transitions.orderTypeId} = ${orderType} and ${transitions.fromStatusId} = ${fromStatus} and ${transitions.toStatusId} = ${statuses.id})`;
  const target = isTarget(sql.placeholder("to"));
  // The person making the change ("userId": null for the API, automations and the system, which
  // no role limits) and, when their role limits statuses, whether it lets them into each status.
  const limitingRole = sql`(select ${roles.id} from ${users} inner join ${roles} on ${roles.id} = ${users.roleId} where ${users.id} = ${sql.placeholder("userId")} and ${roles.limitsStatuses})`;
  const selection = {
    status: statuses,
    groupKind: statusGroups.kind,
    allowed,
    isTarget: sql<boolean>`${target}`,
    fromStatusId: sql<number | null>`${fromStatus}`,
    initialStatusId: sql<number | null>`(select ${orderTypes.initialStatusId} from ${orderTypes} where ${orderTypes.id} = ${orderType})`,
    listeners,
    limitingRole: sql<{ builtIn: string | null; name: string } | null>`(select json_build_object('builtIn', ${roles.builtIn}, 'name', ${roles.name}) from ${roles} where ${roles.id} = ${limitingRole})`,
    permitted: sql<boolean>`(${limitingRole} is null or exists (select 1 from ${roleStatusRights} where ${roleStatusRights.roleId} = ${limitingRole} and ${roleStatusRights.orderTypeId} = ${orderType} and ${roleStatusRights.statusId} = ${statuses.id}))`,
    // Once per statement, not per row: an uncorrelated subquery.
    eventId: sql<number>`(select nextval(pg_get_serial_sequence(${getTableName(orderEvents)}, 'id')))`.mapWith(Number),
  };
  return { selection, where: or(target, eq(statuses.id, fromStatus), allowed) };
}

/**
 * The check (lib/orders/transition-check.ts): the order by id (screens, rules) or number (the API),
 * the target by id (screens) or code (the API). `listeners`
 * are the wiring's columns (lib/orders/after-event.ts), handed in by the check's module: the wiring
 * reaches modules that lock orders, so this module may not import it.
 */
export function checkStatements(listeners: Record<string, SQL<boolean>>) {
  const byId = (to: Placeholder) => sql`${statuses.id} = ${to}`;
  const byCode = (to: Placeholder) => sql`${statuses.code} = ${to}`;
  return {
    byStatusId: checkStatement("orders.checkByStatusId", "id", byId, listeners),
    byStatusCode: checkStatement("orders.checkByStatusCode", "id", byCode, listeners),
    byNumberAndStatusId: checkStatement("orders.checkByNumberAndStatusId", "number", byId, listeners),
    byNumberAndStatusCode: checkStatement("orders.checkByNumberAndStatusCode", "number", byCode, listeners),
  };
}

/** The change's write to the order. */
export const updateStatus = compileQuery<unknown, { orderId: number; statusId: number; version: number; now: Date }>(
  "orders.updateStatus",
  (db) =>
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

export type StatusEventValues = Pick<
  OrderEvent,
  "id" | "orderId" | "fromStatusId" | "toStatusId" | "actorType" | "actorId" | "actorLabel" | "comment" | "customerVisible" | "data"
> & { now: Date };

/** The change's history row, under the id the check drew. */
export const insertStatusEvent = compileQuery<OrderEvent[], StatusEventValues>(
  "orders.insertStatusEvent",
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
        data: placeholderFor("data", orderEvents.data),
        createdAt: sql.placeholder("now"),
      })
      .returning(),
  getTableColumns(orderEvents),
);
