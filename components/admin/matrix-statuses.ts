/**
 * Which of the shop's statuses an order type's grid and picture show: the statuses the order type
 * uses (its initial status and every status in its matrix) and those the admin has just added to
 * it on this screen (no allowed change yet), in the shop's status order. Archived statuses appear
 * only while the order type still uses them, so they can be cleaned up.
 */
export function statusesOfType<S extends { id: number }>(
  all: readonly S[],
  { initialStatusId, pairs, added = [] }: { initialStatusId: number; pairs: readonly { from: number; to: number }[]; added?: readonly number[] },
): S[] {
  const used = new Set<number>([initialStatusId, ...added]);
  for (const p of pairs) used.add(p.from).add(p.to);
  return all.filter((s) => used.has(s.id));
}

/** The statuses an admin may add to the order type's grid: live ones not shown yet, in the shop's order. */
export function statusesToAdd<S extends { id: number; archived: boolean }>(all: readonly S[], shown: readonly { id: number }[]): S[] {
  const present = new Set(shown.map((s) => s.id));
  return all.filter((s) => !s.archived && !present.has(s.id));
}
