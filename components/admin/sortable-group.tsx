"use client";

import { useSortable, SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { dndId, type BoardGroup, type BoardStatus } from "./board-types";

/** An archived status's badge colour, Slate 500: white text on it passes the 4.5:1 contrast. */
const ARCHIVED_COLOUR = "#64748b";

function DragHandle({ label, listeners, attributes }: { label: string; listeners: object | undefined; attributes: object }) {
  return (
    <button
      type="button"
      aria-label={label}
      className="cursor-grab touch-none rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing"
      {...attributes}
      {...listeners}
    >
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <circle cx="7" cy="5" r="1.5" />
        <circle cx="13" cy="5" r="1.5" />
        <circle cx="7" cy="10" r="1.5" />
        <circle cx="13" cy="10" r="1.5" />
        <circle cx="7" cy="15" r="1.5" />
        <circle cx="13" cy="15" r="1.5" />
      </svg>
    </button>
  );
}

function SortableStatus({ status, groupId }: { status: BoardStatus; groupId: number }) {
  const t = useTranslations("statuses.board");
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: dndId.status(status.id),
    data: { type: "status", groupId },
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        "flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-sm",
        isDragging && "z-10 opacity-60 shadow-lg",
      )}
      data-testid={`status-${status.code}`}
    >
      <DragHandle label={t("moveStatus", { name: status.name })} attributes={attributes} listeners={listeners} />
      <Link href={`/admin/statuses/${encodeURIComponent(status.code)}`} className="flex shrink-0 items-center gap-2 hover:underline">
        {/* An archived status is greyed by colour, not by opacity, so its name stays readable (WCAG contrast). */}
        <StatusBadge name={status.name} colour={status.archived ? ARCHIVED_COLOUR : status.colour} className={cn(status.archived && "line-through")} />
        {status.archived && <span className="text-xs text-slate-500">{t("archived")}</span>}
      </Link>
      <code className="ml-auto min-w-0 truncate text-xs text-slate-500" title={status.code}>
        {status.code}
      </code>
    </li>
  );
}

export function SortableGroup({
  group,
  statuses,
  kindLabel,
  editor,
}: {
  group: BoardGroup;
  statuses: BoardStatus[];
  kindLabel: string;
  editor: ReactNode;
}) {
  const t = useTranslations("statuses.board");
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: dndId.group(group.id),
    data: { type: "group" },
  });
  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={t("group", { name: group.name })}
      className={cn("flex flex-col rounded-lg border border-slate-200 bg-slate-50 shadow-sm", isDragging && "z-10 opacity-70 shadow-lg")}
    >
      <header className="flex items-center gap-2 rounded-t-lg border-b border-slate-200 bg-white px-2 py-2" style={{ borderTop: `4px solid ${group.colour}` }}>
        <DragHandle label={t("moveGroup", { name: group.name })} attributes={attributes} listeners={listeners} />
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold text-slate-800">{group.name}</h2>
          <p className="text-xs text-slate-500">{kindLabel}</p>
        </div>
        {editor}
      </header>
      <SortableContext items={group.statusIds.map(dndId.status)} strategy={verticalListSortingStrategy}>
        <ul className="flex min-h-16 flex-1 flex-col gap-1.5 p-2" aria-label={t("list", { name: group.name })}>
          {statuses.map((s) => (
            <SortableStatus key={s.id} status={s} groupId={group.id} />
          ))}
          {statuses.length === 0 && (
            <li className="rounded-md border border-dashed border-slate-300 px-2 py-3 text-center text-xs text-slate-500">
              {t("empty")}
            </li>
          )}
        </ul>
      </SortableContext>
    </section>
  );
}
