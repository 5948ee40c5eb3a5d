"use client";

import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { readableTextColour } from "@/lib/format";
import { fitToWidth, layoutWorkflow } from "./graph-layout";
import type { GridGroup, GridStatus } from "./matrix-grid";
import type { MatrixApi } from "./use-matrix";

type StatusData = { name: string; colour: string; archived: boolean; initial: boolean };
type GroupData = { name: string; colour: string };

/**
 * Labels are 14 px in the picture's own units and its default view never zooms out below 12/14,
 * so at the default size no label is drawn smaller than 12 px.
 */
const LABEL_PX = 14;
export const READABLE_ZOOM = 12 / LABEL_PX;

function StatusNode({ data }: NodeProps<Node<StatusData>>) {
  return (
    <div
      className="flex h-10 w-44 items-center justify-center rounded-md px-2 font-semibold shadow-sm"
      style={{ backgroundColor: data.colour, color: readableTextColour(data.colour), opacity: data.archived ? 0.5 : 1, fontSize: LABEL_PX }}
    >
      <Handle type="target" position={Position.Top} className="!h-3 !w-3 !bg-slate-700" />
      <span className="truncate" data-label>
        {data.initial && "▶ "}
        {data.name}
      </span>
      <Handle type="source" position={Position.Bottom} className="!h-3 !w-3 !bg-slate-700" />
    </div>
  );
}

function GroupNode({ data }: NodeProps<Node<GroupData>>) {
  return (
    <div className="h-full w-full rounded-lg border-2 border-dashed" style={{ borderColor: data.colour, backgroundColor: `${data.colour}12` }}>
      <span className="ml-2 font-semibold text-slate-800" style={{ fontSize: LABEL_PX }} data-label>
        {data.name}
      </span>
    </div>
  );
}

const nodeTypes = { status: StatusNode, group: GroupNode };
// A group draws its own dashed frame: none of React Flow's around it.
const BARE = { border: "none", background: "transparent", padding: 0 };

/**
 * The process as a picture, laid out automatically, fitted to its frame's width (fitToWidth).
 * Drawing from a status's bottom handle to another status allows that change; selecting an arrow and pressing Delete (or the button)
 * forbids it. It edits the same matrix as the grid, through the same hook.
 */
export function WorkflowGraph({
  matrix,
  statuses,
  groups,
  initialStatusId,
}: {
  matrix: MatrixApi;
  statuses: GridStatus[];
  groups: GridGroup[];
  initialStatusId: number;
}) {
  const t = useTranslations("workflows.graph");
  const [selected, setSelected] = useState<string>();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const remember = (changes: NodeChange[]) => {
    const sizes = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (sizes.length > 0) setMeasured((known) => ({ ...known, ...Object.fromEntries(sizes) }));
  };
  const { pairs } = matrix;
  const layout = useMemo(() => layoutWorkflow({ statuses, groups, transitions: pairs }), [statuses, groups, pairs]);

  // The frame's width decides the default view; the admin's own pan or zoom holds until the
  // picture or the frame changes.
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const fit = width === undefined ? undefined : fitToWidth(layout.bounds, width, { minZoom: READABLE_ZOOM });
  const fitKey = `${width}:${layout.bounds.width}x${layout.bounds.height}`;
  const [moved, setMoved] = useState<{ key: string; viewport: Viewport }>();
  const viewport = fit && (moved?.key === fitKey ? moved.viewport : { x: fit.x, y: fit.y, zoom: fit.zoom });

  const nodes: Node[] = useMemo(() => {
    const groupNodes: Node<GroupData>[] = groups.flatMap((g) => {
      const box = layout.groupBoxes.get(g.id);
      if (!box) return [];
      return [{ id: `g:${g.id}`, type: "group", position: { x: box.x, y: box.y }, style: { width: box.width, height: box.height, ...BARE }, data: { name: g.name, colour: g.colour }, selectable: false, draggable: false }];
    });
    const statusNodes: Node<StatusData>[] = statuses.map((s) => {
      const box = layout.statusBoxes.get(s.id) ?? { x: 0, y: 0 };
      return {
        id: `s:${s.id}`,
        type: "status",
        parentId: layout.groupBoxes.has(s.groupId) ? `g:${s.groupId}` : undefined,
        position: { x: box.x, y: box.y },
        data: { name: s.name, colour: s.colour, archived: s.archived, initial: s.id === initialStatusId },
        draggable: false,
        ariaLabel: s.name,
      };
    });
    // React Flow shows a node only once it knows its size. The nodes are rebuilt on every edit,
    // and a rebuilt node whose box did not change is never measured again: without the sizes
    // measured before, every status would stay hidden after an edit (xyflow#4598).
    return [...groupNodes, ...statusNodes].map((node) => ({ ...node, measured: measured[node.id] }));
  }, [groups, statuses, layout, initialStatusId, measured]);

  const edges: Edge[] = useMemo(
    () =>
      pairs.map((p) => ({
        id: `${p.from}>${p.to}`,
        source: `s:${p.from}`,
        target: `s:${p.to}`,
        selected: selected === `${p.from}>${p.to}`,
        ariaLabel: t("edge", { from: matrix.nameOf(p.from), to: matrix.nameOf(p.to) }),
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        style: { strokeWidth: selected === `${p.from}>${p.to}` ? 3 : 1.5 },
      })),
    [pairs, selected, matrix, t],
  );

  const parse = (id: string) => Number(id.slice(2));
  const selectedPair = pairs.find((p) => `${p.from}>${p.to}` === selected);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600" aria-live="polite">
        <span>{t("help")}</span>
        {selectedPair && (
          <Button variant="danger" className="ml-auto" onClick={() => { matrix.toggle(selectedPair.from, selectedPair.to, false); setSelected(undefined); }}>
            {t("forbid", { from: matrix.nameOf(selectedPair.from), to: matrix.nameOf(selectedPair.to) })}
          </Button>
        )}
      </div>
      <div ref={frame} className="rounded-lg border border-slate-200 bg-white" style={{ height: Math.max(fit?.height ?? 0, 240) }} data-testid="workflow-graph">
        {viewport && (
          <ReactFlow
            nodes={nodes}
            onNodesChange={remember}
            edges={edges}
            nodeTypes={nodeTypes}
            viewport={viewport}
            onViewportChange={(next) => setMoved({ key: fitKey, viewport: next })}
            minZoom={0.2}
            nodesDraggable={false}
            deleteKeyCode={["Delete", "Backspace"]}
            onConnect={({ source, target }) => source && target && source !== target && matrix.toggle(parse(source), parse(target), true)}
            onEdgeClick={(_, edge) => setSelected(edge.id)}
            // Keyboard selection (Tab to an arrow, Enter) arrives as a change, not a click.
            onEdgesChange={(changes) => {
              for (const c of changes) if (c.type === "select") setSelected(c.selected ? c.id : undefined);
            }}
            onPaneClick={() => setSelected(undefined)}
            onEdgesDelete={(removed) => {
              for (const e of removed) matrix.toggle(parse(e.source), parse(e.target), false);
              setSelected(undefined);
            }}
          >
            <Background />
            <Controls showInteractive={false} fitViewOptions={{ minZoom: READABLE_ZOOM, maxZoom: 1, padding: 0.05 }} />
          </ReactFlow>
        )}
      </div>
    </div>
  );
}
