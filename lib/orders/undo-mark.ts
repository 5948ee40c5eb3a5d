/**
 * How a status change that takes another back is marked in its history row (`data.undoes`).
 * Pure, so the history on screen, the automation rules and the undo service all read it the same way.
 */
export function undoMark(undoneEventId: number): { undoes: number } {
  return { undoes: undoneEventId };
}

/** Whether a history row is an undo. */
export function isUndo(event: { data: Record<string, unknown> }): boolean {
  return typeof event.data.undoes === "number";
}
