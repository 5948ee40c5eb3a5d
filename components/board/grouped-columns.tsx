"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatCount } from "./board-column";
import type { BoardStatus } from "./types";

type Group = { id: number; name: string; colour: string; statuses: BoardStatus[] };

function groupsOf(statuses: BoardStatus[]): Group[] {
  const groups: Group[] = [];
  for (const status of statuses) {
    const last = groups.at(-1);
    if (last?.id === status.group.id) last.statuses.push(status);
    else groups.push({ id: status.group.id, name: status.group.name, colour: status.group.colour, statuses: [status] });
  }
  return groups;
}

/**
 * Columns under their status group's heading. A group folds to a narrow strip with its total,
 * so a long "completed" tail can be put away while the working columns stay in view.
 */
export function GroupedColumns({
  statuses,
  counts,
  children,
}: {
  statuses: BoardStatus[];
  counts: Record<number, number>;
  children: (status: BoardStatus) => ReactNode;
}) {
  const t = useTranslations("board");
  const locale = useLocale();
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (statuses.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{t("noStatuses")}</p>;
  }
  return (
    <div className="flex gap-4 overflow-x-auto pb-4" data-testid="board">
      {groupsOf(statuses).map((group) => {
        const isCollapsed = collapsed.has(group.id);
        const total = group.statuses.reduce((sum, s) => sum + (counts[s.id] ?? 0), 0);
        return (
          <section key={group.id} aria-label={t("group.label", { name: group.name })} className="flex shrink-0 flex-col gap-2">
            <h2 className="flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <button
                type="button"
                onClick={() => toggle(group.id)}
                aria-expanded={!isCollapsed}
                className="inline-flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-200"
              >
                <span aria-hidden="true">{isCollapsed ? "▸" : "▾"}</span>
                <span className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: group.colour }} aria-hidden="true" />
                {group.name}
                <span className="font-normal text-slate-500 normal-case">({formatCount(total, locale)})</span>
              </button>
            </h2>
            {isCollapsed ? (
              <div className="w-10 flex-1 rounded-lg bg-slate-100 text-center text-xs text-slate-600 [writing-mode:vertical-rl]">
                {t("group.hidden", { count: group.statuses.length })}
              </div>
            ) : (
              <div className="flex gap-3">{group.statuses.map((status) => children(status))}</div>
            )}
          </section>
        );
      })}
    </div>
  );
}
