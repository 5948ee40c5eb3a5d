import { allowedTargets } from "./graph";
import { isTerminal } from "./status-kind";
import type { WorkflowDefinition, WorkflowStatus } from "./types";

/**
 * Whether an order of this process sitting in `status` would be stuck: the order is still open
 * (its status does not close it) and the matrix offers it no change the engine would take (every
 * exit is missing or leads to an archived status). The lint's dead end and the workflow studio's
 * stranded orders are both this one rule.
 */
export function leavesOrdersStuck(def: WorkflowDefinition, status: WorkflowStatus): boolean {
  return !isTerminal(status.groupKind) && allowedTargets(def, status.id).length === 0;
}

/** Every status of the shop in which an open order of this process would be stuck, in status order. */
export function stuckStatusIds(def: WorkflowDefinition): number[] {
  return def.statuses.filter((s) => leavesOrdersStuck(def, s)).map((s) => s.id);
}
