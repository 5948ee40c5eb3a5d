import type { Tx } from "@/db";
import type { Status } from "@/db/schema";
import type { RoleRef, WorkflowDefinition } from "@/lib/workflow";
import { listenerColumns } from "./after-event";
import { checkStatements } from "./fast-path";
import type { OrderKey } from "./lock-order";
import type { Listeners } from "./reactions";
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
  /** Which reactions (webhooks, rules) listen to a status change (read here to spare a round trip). */
  listeners: Listeners;
  /**
   * The id the change's history row will take, drawn from its sequence here so the history row and
   * the messages that name it can be written together (a refused change leaves a gap, as a rolled
   * back insert would).
   */
  eventId: number | undefined;
};


// Built once, with the columns that say which reactions listen to a status change.
const check = checkStatements(listenerColumns("status_changed"));

/**
 * Reads what `transitionOrder` needs to judge a change of `order` in one statement. It reads the
 * order's type and status itself, so it can be sent right behind the row lock on the same
 * connection, without waiting for the lock's answer: statements run in order, and under READ
 * COMMITTED this one sees the row as it stands once the lock is ours. `userId` is the person
 * making the change (null for the API, automations and the system): when their role limits
 * statuses, the definition carries its rights and the engine refuses the others.
 */
export async function loadTransitionCheck(
  tx: Tx,
  { order, to, userId }: { order: OrderKey; to: StatusRef; userId: number | null },
): Promise<TransitionCheck> {
  const statement =
    "id" in order ? ("id" in to ? check.byStatusId : check.byStatusCode) : "id" in to ? check.byNumberAndStatusId : check.byNumberAndStatusCode;
  const rows = await statement(tx, { order: "id" in order ? order.id : order.number, to: "id" in to ? to.id : to.code, userId });
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
          ...rightsOf(rows),
        };
  // No rows only when the order is gone, and then nothing runs after the check.
  const listeners: Listeners = rows[0]?.listeners ?? {};
  return { fromStatusId, target, definition, listeners, eventId: rows[0]?.eventId };
}

/** The limiting role's rights over the statuses the statement read (the only ones the engine looks at), if any. */
function rightsOf(rows: { status: Status; limitingRole: RoleRef | null; permitted: boolean }[]): Pick<WorkflowDefinition, "rights"> {
  const role = rows[0]?.limitingRole;
  if (!role) return {};
  return { rights: { role, mayEnter: rows.filter((r) => r.permitted).map((r) => r.status.id) } };
}
