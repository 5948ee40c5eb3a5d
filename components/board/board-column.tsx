"use client";

import { useDroppable } from "@dnd-kit/core";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { BOARD_COUNT_CAP, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import { DraggableCard } from "./board-card";
import { useDropReason } from "./use-drop-states";
import type { BoardCard, BoardStatus, DropState } from "./types";
import { intlTag, resolveLocale } from "@/lib/i18n/locales";

/** A column's or group's count in the reader's locale, capped: "10,000+" / "10 000+". */
export function formatCount(count: number, locale: string): string {
  const format = new Intl.NumberFormat(intlTag(resolveLocale(locale)));
  return count > BOARD_COUNT_CAP ? `${format.format(BOARD_COUNT_CAP)}+` : format.format(count);
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
  const t = useTranslations("board.column");
  const dropReason = useDropReason();
  const locale = useLocale();
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
        // A column that cannot take the card is greyed by colour and a dashed frame, not by
        // opacity: its cards stay readable while a card is dragged (axe: color-contrast).
        blocked ? "border-dashed border-slate-400 bg-slate-200 grayscale" : "border-slate-200",
        drop?.kind === "allowed" && "border-blue-400 bg-blue-50",
        drop?.kind === "allowed" && isOver && "ring-2 ring-blue-600",
        blocked && isOver && "ring-2 ring-red-500",
      )}
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2" style={{ borderTop: `4px solid ${status.colour}`, borderRadius: "0.5rem 0.5rem 0 0" }}>
        <h3 id={headingId} className="truncate text-sm font-semibold text-slate-800">
          {status.name}
        </h3>
        {/* The figure for the eye, the words for a screen reader (a plain span may carry no aria-label). */}
        <span className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 tabular-nums">
          <span aria-hidden="true">{formatCount(count, locale)}</span>
          <span className="sr-only">{count > BOARD_COUNT_CAP ? t("countCapped", { cap: formatCount(BOARD_COUNT_CAP, locale) }) : t("count", { count })}</span>
        </span>
      </header>
      {blocked && (
        <p className="mx-2 mt-2 rounded bg-white px-2 py-1 text-xs font-medium text-slate-700" data-testid="drop-reason">
          {dropReason(drop)}
        </p>
      )}
      <ol className="flex max-h-[65vh] min-h-24 flex-col gap-2 overflow-y-auto p-2" aria-label={t("ordersIn", { status: status.name })}>
        {cards.map((card) => (
          <DraggableCard key={card.id} card={card} now={now} slaHours={status.slaHours} pending={pendingIds.has(card.id)} />
        ))}
        {cards.length === 0 && <li className="py-6 text-center text-xs text-slate-600">{t("empty")}</li>}
        {moreHref && (
          <li>
            <Link href={moreHref} scroll={false} className="block rounded-md py-1.5 text-center text-sm text-blue-700 hover:bg-white">
              {t("showMore", { shown: Math.min(BOARD_PAGE_SIZE, count - cards.length), rest: formatCount(count - cards.length, locale) })}
            </Link>
          </li>
        )}
      </ol>
    </section>
  );
}
