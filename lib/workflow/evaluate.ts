import { allowedTargets, findStatus } from "./graph";
import { checkGuards } from "./guards";
import type {
  OrderFacts,
  StatusRef,
  TargetDescription,
  TransitionVerdict,
  WorkflowDefinition,
} from "./types";

function statusLabel(def: WorkflowDefinition, id: number): string {
  // An order may sit in a status that was since removed from the definition; still say something.
  return findStatus(def, id)?.name ?? `status #${id}`;
}

function toRef(s: { id: number; code: string; name: string }): StatusRef {
  return { id: s.id, code: s.code, name: s.name };
}

/**
 * The one rule engine: the service, the UI and the API all ask this function, so a refusal reads
 * the same everywhere. Checks run from the most basic (does the target exist) to the most
 * order-specific (is it paid), so the reason given is the first thing the person must fix; the
 * person's own rights (`def.rights`) come between the matrix and the order's facts.
 */
export function evaluateTransition(
  def: WorkflowDefinition,
  order: OrderFacts,
  toStatusId: number,
): TransitionVerdict {
  const target = findStatus(def, toStatusId);
  if (!target) {
    return { ok: false, code: "not_found", message: `Status #${toStatusId} does not exist` };
  }

  const inMatrix = def.transitions.some((t) => t.from === order.statusId && t.to === toStatusId);
  if (toStatusId === order.statusId || !inMatrix) {
    const message =
      toStatusId === order.statusId
        ? `The order is already in ${target.name}`
        : `Cannot change from ${statusLabel(def, order.statusId)} to ${target.name}`;
    return {
      ok: false,
      code: "transition_not_allowed",
      message,
      allowed: allowedTargets(def, order.statusId).map(toRef),
    };
  }

  // After the matrix (a change nobody may make is refused for that first), before the order's own
  // facts: no payment makes a status the person's role may not use reachable for them.
  if (def.rights && !def.rights.mayEnter.includes(toStatusId)) {
    const role = def.rights.role;
    return { ok: false, code: "status_not_permitted", role, message: `The role ${role.builtIn ?? role.name} may not move orders into ${target.name}` };
  }

  const guard = checkGuards(target, order);
  if (!guard.ok) {
    return { ok: false, code: "guard_failed", reason: guard.reason, message: guard.message };
  }
  return { ok: true, target };
}

/**
 * Every status a person could pick (not archived, not the current one) with the engine's verdict,
 * so a board or a button row can show all options and explain the disabled ones. Deliberately
 * calls evaluateTransition rather than re-deriving anything, so the UI cannot drift from the rules.
 */
export function describeTargets(def: WorkflowDefinition, order: OrderFacts): TargetDescription[] {
  return def.statuses
    .filter((s) => !s.archived && s.id !== order.statusId)
    .map((status) => ({ status, verdict: evaluateTransition(def, order, status.id) }));
}
