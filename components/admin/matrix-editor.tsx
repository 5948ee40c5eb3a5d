"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import type { LintIssue, WorkflowStatus } from "@/lib/workflow";
import type { StudioAction } from "./board-types";
import { AddStatusControl } from "./add-status-control";
import { LintPanel } from "./lint-panel";
import { MatrixGrid, type GridGroup, type GridStatus } from "./matrix-grid";
import { statusesOfType, statusesToAdd } from "./matrix-statuses";
import { useMatrix } from "./use-matrix";

// React Flow measures the DOM: load it in the browser only, and only when the picture is opened.
const WorkflowGraph = dynamic(() => import("./workflow-graph").then((m) => m.WorkflowGraph), {
  ssr: false,
  loading: () => <Drawing />,
});

function Drawing() {
  const t = useTranslations("workflows.matrix");
  return <p className="p-6 text-sm text-slate-500">{t("drawing")}</p>;
}

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
  const t = useTranslations("workflows.matrix");
  const tl = useTranslations("lint");
  const common = useTranslations("common");
  const matrix = useMatrix({ ...props, setRow: props.setRow });
  const [view, setView] = useState<"grid" | "picture">("grid");
  const [focused, setFocused] = useState<LintIssue>();
  // Statuses added on this screen that have no allowed change yet (once one has, the matrix holds them).
  const [added, setAdded] = useState<number[]>([]);
  const [addedName, setAddedName] = useState<string>();

  // Only the order type's own statuses (see statusesOfType); archived ones only while a cell
  // still refers to them, so they can be cleaned up.
  const shown: GridStatus[] = useMemo(
    () => statusesOfType(statuses, { initialStatusId, pairs: matrix.pairs, added }),
    [statuses, matrix.pairs, initialStatusId, added],
  );
  const candidates = useMemo(() => statusesToAdd(statuses, shown), [statuses, shown]);

  const highlight = useMemo(() => {
    const cells = new Set<string>();
    const issues = focused ? [focused] : matrix.issues.filter((i) => i.fix);
    for (const i of issues) if (i.fix) cells.add(`${i.fix.from}>${i.fix.to}`);
    return cells;
  }, [focused, matrix.issues]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label={t("view")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {(["grid", "picture"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={cn("rounded px-3 py-1.5 text-sm", view === v ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100")}
            >
              {t(v)}
            </button>
          ))}
        </div>
        <span className="text-sm text-slate-500" aria-live="polite">
          {matrix.pending ? common("states.saving") : t("allowedCount", { count: matrix.pairs.length })}
        </span>
      </div>
      <div aria-live="assertive">
        {matrix.message && (
          <Alert tone={matrix.message.tone}>
            <p>{matrix.message.text}</p>
            {matrix.message.lint?.some((i) => i.fix) && <p className="mt-1 text-xs">{tl("nothingChanged")}</p>}
          </Alert>
        )}
      </div>
      {statuses.length > 0 && (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{t("onlyThisType")}</p>
          <AddStatusControl
            candidates={candidates}
            groups={groups}
            onAdd={(s) => {
              setAdded((ids) => [...ids, s.id]);
              setAddedName(s.name);
            }}
          />
          <p className="text-sm text-slate-600" aria-live="polite" data-testid="status-added">
            {addedName && t("added", { name: addedName })}
          </p>
        </div>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {statuses.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("noStatuses")}</p>
          ) : view === "grid" ? (
            <MatrixGrid matrix={matrix} statuses={shown} groups={groups} highlight={highlight} />
          ) : (
            <WorkflowGraph matrix={matrix} statuses={shown} groups={groups} initialStatusId={initialStatusId} />
          )}
        </div>
        <LintPanel matrix={matrix} onFocusIssue={setFocused} />
      </div>
      {matrix.strandingDialog}
    </div>
  );
}
