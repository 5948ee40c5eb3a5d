"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import type { LintIssue, WorkflowStatus } from "@/lib/workflow";
import type { StudioAction } from "./board-types";
import { LintPanel } from "./lint-panel";
import { MatrixGrid, type GridGroup, type GridStatus } from "./matrix-grid";
import { useMatrix } from "./use-matrix";

// React Flow measures the DOM: load it in the browser only, and only when the picture is opened.
const WorkflowGraph = dynamic(() => import("./workflow-graph").then((m) => m.WorkflowGraph), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-slate-500">Drawing the workflow…</p>,
});

type Pair = { from: number; to: number };
type Props = {
  orderTypeId: number;
  initialStatusId: number;
  statuses: (WorkflowStatus & { colour: string; groupId: number })[];
  groups: GridGroup[];
  transitions: Pair[];
  setTransition: StudioAction<{ transitions: Pair[] }>;
  setRow: StudioAction<{ transitions: Pair[] }>;
};

export function MatrixEditor(props: Props) {
  const { statuses, groups, initialStatusId } = props;
  const matrix = useMatrix({ ...props, setRow: props.setRow });
  const [view, setView] = useState<"grid" | "picture">("grid");
  const [focused, setFocused] = useState<LintIssue>();

  // Archived statuses only appear while a cell still refers to them, so they can be cleaned up.
  const shown: GridStatus[] = useMemo(() => {
    const used = new Set(matrix.pairs.flatMap((p) => [p.from, p.to]));
    return statuses.filter((s) => !s.archived || used.has(s.id) || s.id === initialStatusId);
  }, [statuses, matrix.pairs, initialStatusId]);

  const highlight = useMemo(() => {
    const cells = new Set<string>();
    const issues = focused ? [focused] : matrix.issues.filter((i) => i.fix);
    for (const i of issues) if (i.fix) cells.add(`${i.fix.from}>${i.fix.to}`);
    return cells;
  }, [focused, matrix.issues]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="View" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {(["grid", "picture"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={cn("rounded px-3 py-1.5 text-sm", view === v ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100")}
            >
              {v === "grid" ? "Grid" : "Picture"}
            </button>
          ))}
        </div>
        <span className="text-sm text-slate-500" aria-live="polite">
          {matrix.pending ? "Saving…" : `${matrix.pairs.length} allowed changes`}
        </span>
      </div>
      <div aria-live="assertive">
        {matrix.message && (
          <Alert tone={matrix.message.tone}>
            <p>{matrix.message.text}</p>
            {matrix.message.lint?.some((i) => i.fix) && <p className="mt-1 text-xs">Nothing was changed. Each problem is listed in the workflow check.</p>}
          </Alert>
        )}
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {statuses.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No statuses yet: add some on the statuses page.</p>
          ) : view === "grid" ? (
            <MatrixGrid matrix={matrix} statuses={shown} groups={groups} highlight={highlight} />
          ) : (
            <WorkflowGraph matrix={matrix} statuses={shown} groups={groups} initialStatusId={initialStatusId} />
          )}
        </div>
        <LintPanel matrix={matrix} onFocusIssue={setFocused} />
      </div>
    </div>
  );
}
