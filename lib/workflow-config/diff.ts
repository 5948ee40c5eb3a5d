import type { WorkflowDocument } from "./document";

export type EntityDiff = { added: string[]; changed: { id: string; fields: string[] }[]; kept: string[]; unchanged: number };
export type MatrixDiff = { orderType: string; added: [string, string][]; removed: [string, string][] };
export type WorkflowDiff = {
  groups: EntityDiff;
  statuses: EntityDiff;
  orderTypes: EntityDiff;
  matrices: MatrixDiff[];
  /** True when applying the document would change nothing. */
  empty: boolean;
};

const IGNORED = new Set(["exportedAt"]);

function diffEntities<T extends object>(current: T[], next: T[], idOf: (t: T) => string): EntityDiff {
  const before = new Map(current.map((t) => [idOf(t), t]));
  const nextIds = new Set(next.map(idOf));
  const diff: EntityDiff = { added: [], changed: [], kept: [], unchanged: 0 };
  for (const item of next) {
    const old = before.get(idOf(item));
    if (!old) {
      diff.added.push(idOf(item));
      continue;
    }
    const fields = (Object.keys(item) as (keyof T & string)[]).filter(
      (k) => !IGNORED.has(k) && k !== "transitions" && JSON.stringify(item[k]) !== JSON.stringify(old[k]),
    );
    if (fields.length) diff.changed.push({ id: idOf(item), fields });
    else diff.unchanged++;
  }
  diff.kept = [...before.keys()].filter((id) => !nextIds.has(id));
  return diff;
}

/**
 * What applying `next` to a configuration exported as `current` would change: per entity added,
 * changed (with the fields), and kept because the document does not mention it; per order type
 * the matrix cells added and removed.
 */
export function diffWorkflow(current: WorkflowDocument, next: WorkflowDocument): WorkflowDiff {
  const groups = diffEntities(current.groups, next.groups, (g) => g.key);
  const statuses = diffEntities(current.statuses, next.statuses, (s) => s.code);
  const orderTypes = diffEntities(current.orderTypes, next.orderTypes, (t) => t.code);
  const matrices = next.orderTypes.flatMap((t): MatrixDiff[] => {
    const old = new Set((current.orderTypes.find((c) => c.code === t.code)?.transitions ?? []).map((p) => p.join(">")));
    const now = new Set(t.transitions.map((p) => p.join(">")));
    const split = (k: string) => k.split(">") as [string, string];
    const added = [...now].filter((k) => !old.has(k)).map(split);
    const removed = [...old].filter((k) => !now.has(k)).map(split);
    return added.length || removed.length ? [{ orderType: t.code, added, removed }] : [];
  });
  const quiet = (d: EntityDiff) => d.added.length === 0 && d.changed.length === 0;
  return { groups, statuses, orderTypes, matrices, empty: quiet(groups) && quiet(statuses) && quiet(orderTypes) && matrices.length === 0 };
}
