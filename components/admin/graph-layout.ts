import dagre from "@dagrejs/dagre";

export type LayoutInput = {
  statuses: { id: number; groupId: number }[];
  groups: { id: number }[];
  transitions: { from: number; to: number }[];
};
export type Box = { x: number; y: number; width: number; height: number };

export const NODE = { width: 176, height: 40 };
const PAD = 16;
const TITLE = 22;

/**
 * Top-to-bottom layered layout (dagre) with each group as a cluster: a process flows down from
 * new through in progress to its ends, and a layer holds only the statuses reached at the same
 * step, so the picture stays about as wide as the busiest step and fits a screen's width without
 * shrinking its labels. Boxes are top-left based, as React Flow wants them; status boxes are
 * relative to their group's box. `bounds` is the whole picture's box.
 */
export function layoutWorkflow({ statuses, groups, transitions }: LayoutInput) {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 56, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const used = new Set(statuses.map((s) => s.groupId));
  for (const group of groups) if (used.has(group.id)) g.setNode(`g:${group.id}`, {});
  for (const s of statuses) {
    g.setNode(`s:${s.id}`, { ...NODE });
    if (used.has(s.groupId) && groups.some((group) => group.id === s.groupId)) g.setParent(`s:${s.id}`, `g:${s.groupId}`);
  }
  const known = new Set(statuses.map((s) => s.id));
  for (const t of transitions) if (known.has(t.from) && known.has(t.to) && t.from !== t.to) g.setEdge(`s:${t.from}`, `s:${t.to}`);
  dagre.layout(g);

  const groupBoxes = new Map<number, Box>();
  for (const group of groups) {
    const members = statuses.filter((s) => s.groupId === group.id).map((s) => g.node(`s:${s.id}`));
    if (members.length === 0) continue;
    // Computed from the members rather than dagre's cluster box, which leaves no room for a title.
    const left = Math.min(...members.map((n) => n.x - NODE.width / 2)) - PAD;
    const top = Math.min(...members.map((n) => n.y - NODE.height / 2)) - PAD - TITLE;
    const right = Math.max(...members.map((n) => n.x + NODE.width / 2)) + PAD;
    const bottom = Math.max(...members.map((n) => n.y + NODE.height / 2)) + PAD;
    groupBoxes.set(group.id, { x: left, y: top, width: right - left, height: bottom - top });
  }
  const statusBoxes = new Map<number, Box>();
  const absolute: Box[] = [...groupBoxes.values()];
  for (const s of statuses) {
    const n = g.node(`s:${s.id}`);
    const parent = groupBoxes.get(s.groupId);
    const box = { x: n.x - NODE.width / 2, y: n.y - NODE.height / 2, ...NODE };
    absolute.push(box);
    statusBoxes.set(s.id, { ...box, x: box.x - (parent?.x ?? 0), y: box.y - (parent?.y ?? 0) });
  }
  return { groupBoxes, statusBoxes, bounds: boundsOf(absolute) };
}

function boundsOf(boxes: Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The picture's default view: as large as fits the available width, never larger than life and
 * never smaller than `minZoom` (below it the labels would be unreadable: a wider picture is then
 * shown from its left edge and panned). Centred when narrower than the space; the frame is as
 * tall as the picture at that zoom, so nothing is cut off vertically.
 */
export function fitToWidth(bounds: Box, available: number, { minZoom, maxZoom = 1, pad = 16 }: { minZoom: number; maxZoom?: number; pad?: number }) {
  const room = Math.max(0, available - 2 * pad);
  const wanted = bounds.width > 0 ? room / bounds.width : maxZoom;
  const zoom = Math.min(maxZoom, Math.max(minZoom, wanted));
  const left = Math.max(pad, (available - bounds.width * zoom) / 2);
  return {
    zoom,
    x: left - bounds.x * zoom,
    y: pad - bounds.y * zoom,
    height: Math.ceil(bounds.height * zoom + 2 * pad),
  };
}
