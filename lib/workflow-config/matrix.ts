import { and, eq } from "drizzle-orm";
import type { Tx, DbOrTx } from "@/db";
import { orderTypes, transitions } from "@/db/schema";
import { ok, refuse, type Result } from "@/lib/result";
import { lintWorkflow, type LintIssue, type WorkflowStatus } from "@/lib/workflow";
import { loadAllDefinitions } from "./definitions";
import { writeChecked } from "./guard";
import type { CellInput, RowInput } from "./schemas";
import type { AuditActor } from "@/lib/audit";

export type MatrixState = { orderTypeId: number; transitions: { from: number; to: number }[]; issues: LintIssue[] };

async function stateOf(tx: Tx, orderTypeId: number): Promise<MatrixState> {
  const found = (await loadAllDefinitions(tx)).find((d) => d.type.id === orderTypeId);
  const definition = found?.definition;
  return {
    orderTypeId,
    transitions: definition?.transitions ?? [],
    issues: definition ? lintWorkflow(definition) : [],
  };
}

async function loadStatuses(tx: Tx, orderTypeId: number) {
  const found = (await loadAllDefinitions(tx)).find((d) => d.type.id === orderTypeId);
  return found?.definition.statuses;
}

async function lockType(tx: Tx, orderTypeId: number): Promise<boolean> {
  // Serialises concurrent edits of one matrix, so two admins' helpers never interleave.
  const [type] = await tx.select({ id: orderTypes.id }).from(orderTypes).where(eq(orderTypes.id, orderTypeId)).for("update");
  return Boolean(type);
}

function archivedTargetRefusal(to: WorkflowStatus) {
  return refuse("validation_failed", `${to.name} is archived and can no longer be a target`, {
    fieldErrors: { to: [`${to.name} is archived`] },
  });
}

/**
 * Allows or forbids one change. A forbidden cell can always be switched off (that is how an
 * archived target is cleaned up); allowing one is refused for an archived target, for a status
 * into itself, and whenever the lint finds that the new matrix introduces an error. Forbidding the
 * last way forward of a status open orders are in is refused until `confirmStranded` names them.
 */
export async function setTransition(db: DbOrTx, input: CellInput, actor: AuditActor): Promise<Result<MatrixState>> {
  return writeChecked(db, { actor, confirmStranded: input.confirmStranded }, async (tx) => {
    if (!(await lockType(tx, input.orderTypeId))) return refuse("not_found", "This order type no longer exists");
    const list = await loadStatuses(tx, input.orderTypeId);
    const from = list?.find((s) => s.id === input.from);
    const to = list?.find((s) => s.id === input.to);
    if (!from || !to) return refuse("not_found", "One of these statuses no longer exists");
    const cell = and(
      eq(transitions.orderTypeId, input.orderTypeId),
      eq(transitions.fromStatusId, from.id),
      eq(transitions.toStatusId, to.id),
    );
    if (!input.allowed) {
      await tx.delete(transitions).where(cell);
      return ok(await stateOf(tx, input.orderTypeId));
    }
    if (from.id === to.id) return refuse("validation_failed", "Staying in the same status is not a change");
    if (to.archived) return archivedTargetRefusal(to);
    await tx
      .insert(transitions)
      .values({ orderTypeId: input.orderTypeId, fromStatusId: from.id, toStatusId: to.id })
      .onConflictDoNothing();
    return ok(await stateOf(tx, input.orderTypeId));
  });
}

/**
 * Row helpers. "all" allows every live status; "forward" allows every live status after this one
 * in the board's order (groups, then positions), the usual shape of a process; both add to what is
 * there. "clear" forbids the whole row, which strands the orders in that status unless confirmed.
 */
export async function setTransitionRow(db: DbOrTx, input: RowInput, actor: AuditActor): Promise<Result<MatrixState>> {
  return writeChecked(db, { actor, confirmStranded: input.confirmStranded }, async (tx) => {
    if (!(await lockType(tx, input.orderTypeId))) return refuse("not_found", "This order type no longer exists");
    const list = (await loadStatuses(tx, input.orderTypeId)) ?? [];
    const index = list.findIndex((s) => s.id === input.from);
    if (index < 0) return refuse("not_found", "This status no longer exists");
    const row = and(eq(transitions.orderTypeId, input.orderTypeId), eq(transitions.fromStatusId, input.from));
    if (input.mode === "clear") {
      await tx.delete(transitions).where(row);
      return ok(await stateOf(tx, input.orderTypeId));
    }
    const candidates = input.mode === "all" ? list : list.slice(index + 1);
    const targets = candidates.filter((s) => s.id !== input.from && !s.archived);
    if (targets.length > 0) {
      await tx
        .insert(transitions)
        .values(targets.map((t) => ({ orderTypeId: input.orderTypeId, fromStatusId: input.from, toStatusId: t.id })))
        .onConflictDoNothing();
    }
    return ok(await stateOf(tx, input.orderTypeId));
  });
}
