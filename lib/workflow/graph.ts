import type { WorkflowDefinition, WorkflowStatus } from "./types";

/** Looks a status up by id; definitions are small, so a linear scan beats keeping a map in sync. */
export function findStatus(def: WorkflowDefinition, id: number): WorkflowStatus | undefined {
  return def.statuses.find((s) => s.id === id);
}

/**
 * Every status id reachable from `startId` along the matrix, `startId` included. Follows every
 * listed transition, archived or not: the linter reports archived targets separately, and a
 * plain graph answer is easier to reason about than a policy-laden one.
 */
export function reachableFrom(def: WorkflowDefinition, startId: number): Set<number> {
  const seen = new Set<number>([startId]);
  const queue = [startId];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as number;
    for (const t of def.transitions) {
      if (t.from === current && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

/**
 * Statuses the matrix lets an order move to from `fromStatusId`, in the admin's status order.
 * Archived statuses are left out because they can never be chosen, and `from` itself is left out
 * because staying put is not a change: the engine refuses it, so offering it would contradict the
 * engine's own `allowed` list.
 */
export function allowedTargets(def: WorkflowDefinition, fromStatusId: number): WorkflowStatus[] {
  const targets = new Set<number>();
  for (const t of def.transitions) {
    if (t.from === fromStatusId && t.to !== fromStatusId) targets.add(t.to);
  }
  // Iterating statuses (not transitions) gives the display order and drops duplicates for free.
  return def.statuses.filter((s) => targets.has(s.id) && !s.archived);
}
