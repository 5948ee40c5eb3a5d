import type { GroupKind } from "./types";

/**
 * Completed and not-completed orders are closed: nothing is expected to happen to them any more,
 * so the linter treats ways out of them as suspicious and ways into "awaiting payment" as wrong.
 */
export function isTerminal(kind: GroupKind): boolean {
  return kind === "completed" || kind === "not_completed";
}
