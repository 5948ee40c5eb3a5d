"use client";

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { readableTextColour } from "@/lib/format";
import type { MatrixApi } from "./use-matrix";

export type GridStatus = { id: number; name: string; colour: string; groupId: number; archived: boolean };
export type GridGroup = { id: number; name: string; colour: string };

/**
 * The from × to matrix. One cell is in the tab order at a time (roving tabindex): arrow keys move
 * between cells, Home/End jump along the row, Space or Enter toggles, so a 30 × 30 grid is not 900
 * tab stops. Cells named in a lint issue are outlined in red.
 */
export function MatrixGrid({
  matrix,
  statuses,
  groups,
  highlight,
}: {
  matrix: MatrixApi;
  statuses: GridStatus[];
  groups: GridGroup[];
  highlight: Set<string>;
}) {
  const t = useTranslations("workflows.matrix");
  const [focus, setFocus] = useState({ r: 0, c: 0 });
  const n = statuses.length;
  const spans = groups
    .map((g) => ({ group: g, count: statuses.filter((s) => s.groupId === g.id).length }))
    .filter((g) => g.count > 0);

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    let { r, c } = focus;
    if (moves[e.key]) {
      const [dr, dc] = moves[e.key] as [number, number];
      r = Math.min(n - 1, Math.max(0, r + dr));
      c = Math.min(n - 1, Math.max(0, c + dc));
    } else if (e.key === "Home") c = 0;
    else if (e.key === "End") c = n - 1;
    else return;
    e.preventDefault();
    setFocus({ r, c });
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-cell="${r}-${c}"]`)?.focus();
  }

  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
      <table role="grid" className="border-separate border-spacing-0 text-xs" aria-label={t("table")} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {/* The corner under no heading: a cell, not an empty header (axe: empty-table-header). */}
            <td className="sticky left-0 z-10 bg-white" />
            {spans.map(({ group, count }) => (
              <th key={group.id} colSpan={count} scope="colgroup" className="border-b border-white px-1 py-1 text-center font-semibold" style={{ backgroundColor: group.colour, color: readableTextColour(group.colour) }}>
                {group.name}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-white px-2 py-1 text-left align-bottom font-medium text-slate-500">
              {t("fromTo")}
            </th>
            {statuses.map((s) => (
              <th key={s.id} scope="col" className="h-36 min-w-7 border-r border-white align-bottom" style={{ backgroundColor: s.colour, color: readableTextColour(s.colour) }}>
                <span className={cn("mx-auto block max-h-34 overflow-hidden py-1 font-semibold whitespace-nowrap [writing-mode:vertical-rl] rotate-180", s.archived && "line-through opacity-70")}>
                  {s.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statuses.map((from, r) => (
            <tr key={from.id}>
              <th scope="row" className="sticky left-0 z-10 border-b border-slate-100 bg-white px-2 py-0.5 text-left font-normal">
                <div className="flex items-center gap-2">
                  <span className="h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: from.colour }} aria-hidden />
                  <span className={cn("min-w-28 font-medium whitespace-nowrap text-slate-800", from.archived && "line-through")}>{from.name}</span>
                  <RowHelpers matrix={matrix} from={from} />
                </div>
              </th>
              {statuses.map((to, c) => {
                const self = from.id === to.id;
                const on = matrix.allowed.has(`${from.id}>${to.id}`);
                const blocked = self || (to.archived && !on);
                const label = self
                  ? t("self", { name: from.name })
                  : t(on ? "cellAllowed" : "cellForbidden", { from: from.name, to: to.name });
                return (
                  <td key={to.id} className="border-b border-r border-slate-100 p-0 text-center">
                    <button
                      type="button"
                      data-cell={`${r}-${c}`}
                      tabIndex={focus.r === r && focus.c === c ? 0 : -1}
                      aria-pressed={self ? undefined : on}
                      aria-disabled={blocked || undefined}
                      aria-label={label}
                      title={label}
                      onFocus={() => setFocus({ r, c })}
                      onClick={() => !blocked && matrix.toggle(from.id, to.id)}
                      className={cn(
                        "h-7 w-full min-w-7 text-sm leading-7",
                        self ? "bg-slate-100 text-slate-300" : on ? "bg-emerald-600 text-white hover:bg-emerald-700" : "hover:bg-slate-100",
                        blocked && !self && "cursor-not-allowed bg-slate-50",
                        highlight.has(`${from.id}>${to.id}`) && "outline-2 -outline-offset-2 outline-red-600",
                      )}
                    >
                      {self ? "·" : on ? "✓" : ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowHelpers({ matrix, from }: { matrix: MatrixApi; from: GridStatus }) {
  const t = useTranslations("workflows.matrix");
  const base = "rounded px-1.5 py-0.5 text-[11px] text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40";
  return (
    <span className="ml-auto flex gap-0.5" role="group" aria-label={t("rowHelpers", { name: from.name })}>
      <button type="button" className={base} disabled={matrix.pending} onClick={() => matrix.row(from.id, "all")} aria-label={t("allLabel", { name: from.name })} title={t("allTitle")}>
        {t("all")}
      </button>
      <button type="button" className={base} disabled={matrix.pending} onClick={() => matrix.row(from.id, "forward")} aria-label={t("forwardLabel", { name: from.name })} title={t("forwardTitle")}>
        {t("forward")}
      </button>
      <button type="button" className={base} disabled={matrix.pending} onClick={() => matrix.row(from.id, "clear")} aria-label={t("clearLabel", { name: from.name })} title={t("clearTitle")}>
        {t("clear")}
      </button>
    </span>
  );
}
