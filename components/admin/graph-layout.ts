import dagre from "@dagrejs/dagre";

export type LayoutInput = {
  statuses: { id: number; groupId: number }[];
  groups: { id: number }[];
  transitions: { from: number; to: number }[];
};
export type Box = { x: number; y: number; width: number; height: number };

export const NODE = { width: 168, height: 40 };
const PAD = 16;

/**
 * Left-to-right layered layout (dagre) with each group as a cluster, so the picture reads like
 * the board: a process flows from new through in-progress to its ends. Boxes are top-left based,
 * as React Flow wants them; status boxes are relative to their group's box.
 */
export function layoutWorkflow({ statuses, groups, transitions }: LayoutInput) {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 70, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const used = new Set(statuses.map((s) => s.groupId));
  for (const group of groups) if (used.has(group.id)) g.setNode(`g:${group.id}`, { paddingTop: 28 });
  for (const s of statuses) {
    g.setNode(`s:${s.id}`, { ...NODE });
    g.setParent(`s:${s.id}`, `g:${s.groupId}`);
  }
  const known = new Set(statuses.map((s) => s.id));
  for (const t of transitions) if (known.has(t.from) && known.has(t.to)) g.setEdge(`s:${t.from}`, `s:${t.to}`);
  dagre.layout(g);

  const groupBoxes = new Map<number, Box>();
  for (const group of groups) {
    const members = statuses.filter((s) => s.groupId === group.id).map((s) => g.node(`s:${s.id}`));
    if (members.length === 0) continue;
    // Computed from the members rather than dagre's cluster box, which leaves no room for a title.
    const left = Math.min(...members.map((n) => n.x - NODE.width / 2)) - PAD;
    const top = Math.min(...members.map((n) => n.y - NODE.height / 2)) - PAD - 20;
    const right = Math.max(...members.map((n) => n.x + NODE.width / 2)) + PAD;
    const bottom = Math.max(...members.map((n) => n.y + NODE.height / 2)) + PAD;
    groupBoxes.set(group.id, { x: left, y: top, width: right - left, height: bottom - top });
  }
  const statusBoxes = new Map<number, Box>();
  for (const s of statuses) {
    const n = g.node(`s:${s.id}`);
    const parent = groupBoxes.get(s.groupId);
    statusBoxes.set(s.id, {
      x: n.x - NODE.width / 2 - (parent?.x ?? 0),
      y: n.y - NODE.height / 2 - (parent?.y ?? 0),
      ...NODE,
    });
  }
  return { groupBoxes, statusBoxes };
}
