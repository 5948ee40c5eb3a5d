"use client";

import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { BOARD_COUNT_CAP, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import { DraggableCard } from "./board-card";
import type { BoardCard, BoardStatus, DropState } from "./types";

export function formatCount(count: number): string {
  return count > BOARD_COUNT_CAP ? `${BOARD_COUNT_CAP.toLocaleString("en")}+` : count.toLocaleString("en");
}

export function BoardColumn({
  status,
  cards,
  count,
  now,
  drop,
  moreHref,
  pendingIds,
}: {
  status: BoardStatus;
  cards: BoardCard[];
  count: number;
  now: number;
  drop: DropState | undefined;
  /** Link that opens the column deeper, when more cards exist than are shown. */
  moreHref: string | undefined;
  pendingIds: Set<number>;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `status-${status.id}`, data: { statusId: status.id } });
  const blocked = drop?.kind === "blocked";
  const headingId = `column-${status.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${status.code}`}
      data-drop={drop?.kind ?? "idle"}
      className={cn(
        "flex w-72 shrink-0 flex-col rounded-lg border bg-slate-100 transition",
        blocked ? "border-slate-200 opacity-50" : "border-slate-200",
        drop?.kind === "allowed" && "border-blue-400 bg-blue-50",
        drop?.kind === "allowed" && isOver && "ring-2 ring-blue-600",
        blocked && isOver && "ring-2 ring-red-500",
      )}
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2" style={{ borderTop: `4px solid ${status.colour}`, borderRadius: "0.5rem 0.5rem 0 0" }}>
        <h3 id={headingId} className="truncate text-sm font-semibold text-slate-800">
          {status.name}
        </h3>
        <span className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 tabular-nums" aria-label={`${formatCount(count)} orders`}>
          {formatCount(count)}
        </span>
      </header>
      {blocked && (
        <p className="mx-2 mt-2 rounded bg-white px-2 py-1 text-xs font-medium text-slate-700" data-testid="drop-reason">
          {drop.reason}
        </p>
      )}
      <ol className="flex max-h-[65vh] min-h-24 flex-col gap-2 overflow-y-auto p-2" aria-label={`Orders in ${status.name}`}>
        {cards.map((card) => (
          <DraggableCard key={card.id} card={card} now={now} slaHours={status.slaHours} pending={pendingIds.has(card.id)} />
        ))}
        {cards.length === 0 && <li className="py-6 text-center text-xs text-slate-500">No orders</li>}
        {moreHref && (
          <li>
            <Link href={moreHref} scroll={false} className="block rounded-md py-1.5 text-center text-sm text-blue-700 hover:bg-white">
              Show {Math.min(BOARD_PAGE_SIZE, count - cards.length)} more of {formatCount(count - cards.length)}
            </Link>
          </li>
        )}
      </ol>
    </section>
  );
}
