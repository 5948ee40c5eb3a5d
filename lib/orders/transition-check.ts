import { asc, eq, getTableName, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { compileQuery } from "@/db/compiled-query";
import type { Tx } from "@/db";
import { orderEvents, orders, orderTypes, statuses, statusGroups, transitions, type Status } from "@/db/schema";
import type { WorkflowDefinition } from "@/lib/workflow";
import { listenerColumns, type Listeners } from "./after-event";
import { toWorkflowStatus } from "./workflow-definition";

/** A target status by id (the UI) or by code (the API, ERPs). */
export type StatusRef = { id: number } | { code: string };

/**
 * The part of an order type's process one change is judged on: the order's current status, the
 * target, and every status the matrix leads to from the current one, with those transitions.
 * `evaluateTransition` gives the same verdict (and the same `allowed` list, in board order) on
 * this slice as on the whole definition, because it only ever looks at transitions out of the
 * current status and at the statuses they name.
 */
export type TransitionCheck = {
  /** The order's status as the statement read it; the caller compares it with its locked row. */
  fromStatusId: number | null;
  target: Status | undefined;
  definition: WorkflowDefinition | undefined;
  /** Whether any webhook endpoint or rule reacts to a status change (read here to spare a round trip). */
  listeners: Listeners;
  /**
   * The id the change's history row will take, drawn from its sequence here so the history row and
   * the messages that name it can be written together (a refused change leaves a gap, as a rolled
   * back insert would).
   */
  eventId: number | undefined;
};

/** The check's one statement, for a target named by `isTarget`; the order id and target are placeholders. */
function checkStatement(isTarget: (target: Placeholder) => SQL) {
  // Built on first use, not on import: the listener columns come from modules that import this one.
  let parts: ReturnType<typeof checkParts> | undefined;
  const built = () => (parts ??= checkParts(isTarget));
  return compileQuery(
    (db) =>
      db
        .select(built().selection)
        .from(statuses)
        .innerJoin(statusGroups, eq(statuses.groupId, statusGroups.id))
        .where(built().where)
        // Board order: the refusal's `allowed` list comes out as the full definition would give it.
        .orderBy(asc(statusGroups.position), asc(statuses.position), asc(statuses.id)),
    () => built().selection,
  );
}

function checkParts(isTarget: (target: Placeholder) => SQL) {
  const orderId = sql.placeholder("orderId");
  const fromStatus = sql`(select ${orders.statusId} from ${orders} where ${orders.id} = ${orderId})`;
  const orderType = sql`(select ${orders.orderTypeId} from ${orders} where ${orders.id} = ${orderId})`;
  const allowed = sql<boolean>`exists (select 1 from ${transitions} where ${transitions.orderTypeId} = ${orderType} and ${transitions.fromStatusId} = ${fromStatus} and ${transitions.toStatusId} = ${statuses.id})`;
  const target = isTarget(sql.placeholder("to"));
  const selection = {
    status: statuses,
    groupKind: statusGroups.kind,
    allowed,
    isTarget: sql<boolean>`${target}`,
    fromStatusId: sql<number | null>`${fromStatus}`,
    initialStatusId: sql<number | null>`(select ${orderTypes.initialStatusId} from ${orderTypes} where ${orderTypes.id} = ${orderType})`,
    listeners: listenerColumns("status_changed"),
    // Once per statement, not per row: an uncorrelated subquery.
    eventId: sql<number>`(select nextval(pg_get_serial_sequence(${getTableName(orderEvents)}, 'id')))`.mapWith(Number),
  };
  return { selection, where: or(target, eq(statuses.id, fromStatus), allowed) };
}

// Run with every status change: built once (see compileQuery), by id for screens, by code for the API.
const checkByStatusId = checkStatement((to) => sql`${statuses.id} = ${to}`);
const checkByStatusCode = checkStatement((to) => sql`${statuses.code} = ${to}`);

/**
 * Reads what `transitionOrder` needs to judge a change of `orderId` in one statement. It reads the
 * order's type and status itself, so it can be sent right behind the row lock on the same
 * connection, without waiting for the lock's answer: statements run in order, and under READ
 * COMMITTED this one sees the row as it stands once the lock is ours.
 */
export async function loadTransitionCheck(tx: Tx, { orderId, to }: { orderId: number; to: StatusRef }): Promise<TransitionCheck> {
  const rows = "id" in to ? await checkByStatusId(tx, { orderId, to: to.id }) : await checkByStatusCode(tx, { orderId, to: to.code });
  const fromStatusId = rows[0]?.fromStatusId ?? null;
  const initialStatusId = rows[0]?.initialStatusId ?? null;
  const target = rows.find((r) => r.isTarget)?.status;
  const definition =
    fromStatusId === null || initialStatusId === null
      ? undefined
      : {
          initialStatusId,
          statuses: rows.map((r) => toWorkflowStatus(r.status, r.groupKind)),
          transitions: rows.filter((r) => r.allowed).map((r) => ({ from: fromStatusId, to: r.status.id })),
        };
  // No rows only when the order is gone, and then nothing runs after the check.
  const listeners = rows[0]?.listeners ?? { webhooks: true, rules: true };
  return { fromStatusId, target, definition, listeners, eventId: rows[0]?.eventId };
}
