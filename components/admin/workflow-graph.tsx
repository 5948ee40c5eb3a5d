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
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { readableTextColour } from "@/lib/format";
import { layoutWorkflow } from "./graph-layout";
import type { GridGroup, GridStatus } from "./matrix-grid";
import type { MatrixApi } from "./use-matrix";

type StatusData = { name: string; colour: string; archived: boolean; initial: boolean };
type GroupData = { name: string; colour: string };

function StatusNode({ data }: NodeProps<Node<StatusData>>) {
  return (
    <div
      className="flex h-10 w-42 items-center justify-center rounded-md px-2 text-xs font-semibold shadow-sm"
      style={{ backgroundColor: data.colour, color: readableTextColour(data.colour), opacity: data.archived ? 0.5 : 1 }}
    >
      <Handle type="target" position={Position.Left} className="!h-3 !w-3 !bg-slate-700" />
      <span className="truncate">
        {data.initial && "▶ "}
        {data.name}
      </span>
      <Handle type="source" position={Position.Right} className="!h-3 !w-3 !bg-slate-700" />
    </div>
  );
}

function GroupNode({ data }: NodeProps<Node<GroupData>>) {
  return (
    <div className="h-full w-full rounded-lg border-2 border-dashed" style={{ borderColor: data.colour, backgroundColor: `${data.colour}12` }}>
      <span className="ml-2 text-xs font-semibold" style={{ color: data.colour }}>
        {data.name}
      </span>
    </div>
  );
}

const nodeTypes = { status: StatusNode, group: GroupNode };

/**
 * The process as a picture, laid out automatically. Drawing from a status's right handle to
 * another status allows that change; selecting an arrow and pressing Delete (or the button)
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
  const [selected, setSelected] = useState<string>();
  const { pairs } = matrix;
  const layout = useMemo(() => layoutWorkflow({ statuses, groups, transitions: pairs }), [statuses, groups, pairs]);

  const nodes: Node[] = useMemo(() => {
    const groupNodes: Node<GroupData>[] = groups.flatMap((g) => {
      const box = layout.groupBoxes.get(g.id);
      if (!box) return [];
      return [{ id: `g:${g.id}`, type: "group", position: { x: box.x, y: box.y }, style: { width: box.width, height: box.height }, data: { name: g.name, colour: g.colour }, selectable: false, draggable: false }];
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
    return [...groupNodes, ...statusNodes];
  }, [groups, statuses, layout, initialStatusId]);

  const edges: Edge[] = useMemo(
    () =>
      pairs.map((p) => ({
        id: `${p.from}>${p.to}`,
        source: `s:${p.from}`,
        target: `s:${p.to}`,
        selected: selected === `${p.from}>${p.to}`,
        ariaLabel: `${matrix.nameOf(p.from)} to ${matrix.nameOf(p.to)}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        style: { strokeWidth: selected === `${p.from}>${p.to}` ? 3 : 1.5 },
      })),
    [pairs, selected, matrix],
  );

  const parse = (id: string) => Number(id.slice(2));
  const selectedPair = pairs.find((p) => `${p.from}>${p.to}` === selected);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600" aria-live="polite">
        <span>Drag from a status&apos;s right dot to another status to allow that change. Click an arrow, then Delete, to forbid it.</span>
        {selectedPair && (
          <Button variant="danger" className="ml-auto" onClick={() => { matrix.toggle(selectedPair.from, selectedPair.to, false); setSelected(undefined); }}>
            Forbid {matrix.nameOf(selectedPair.from)} → {matrix.nameOf(selectedPair.to)}
          </Button>
        )}
      </div>
      <div className="h-[640px] rounded-lg border border-slate-200 bg-white" data-testid="workflow-graph">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
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
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
