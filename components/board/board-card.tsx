"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatDuration, formatMoney } from "@/lib/format";
import type { BoardCard } from "./types";

function paymentLabel(card: Pick<BoardCard, "paidAt" | "paymentMethod">) {
  if (card.paidAt) return <span className="text-green-700">Paid</span>;
  if (card.paymentMethod === "cod") return <span className="text-slate-600">Cash on delivery</span>;
  return <span className="text-amber-700">Unpaid</span>;
}

export function CardBody({ card, now, slaHours }: { card: BoardCard; now: number; slaHours: number | null }) {
  const waited = now - new Date(card.statusChangedAt).getTime();
  const overdue = slaHours !== null && waited > slaHours * 3_600_000;
  return (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <Link href={`/orders/${card.number}`} className="font-semibold text-blue-700 hover:underline" onPointerDown={(e) => e.stopPropagation()}>
          {card.number}
        </Link>
        <span className="text-sm tabular-nums">{formatMoney(card.total, card.currency)}</span>
      </div>
      <div className="truncate text-sm text-slate-800">{card.customerName}</div>
      <div className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-600">
        <span>{card.channel}</span>
        <span aria-hidden="true">·</span>
        {paymentLabel(card)}
        {card.courier && (
          <>
            <span aria-hidden="true">·</span>
            <span>{card.courier}</span>
          </>
        )}
      </div>
      <div className={cn("mt-1 text-xs", overdue ? "font-semibold text-red-700" : "text-slate-500")}>
        {overdue ? (
          <span title={`Over the ${slaHours} h SLA of this status`}>⚠ Overdue · {formatDuration(waited)} in status</span>
        ) : (
          <>{formatDuration(waited)} in status</>
        )}
      </div>
    </>
  );
}

/** A card on the board: drag it by any part except the order link. */
export function DraggableCard({ card, now, slaHours, pending }: { card: BoardCard; now: number; slaHours: number | null; pending: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `order-${card.id}`, data: { card } });
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable order card"
      aria-label={`Order ${card.number}, ${card.customerName}`}
      data-testid={`card-${card.number}`}
      className={cn(
        "cursor-grab touch-none rounded-md border border-slate-200 bg-white p-2.5 shadow-sm outline-none select-none focus-visible:ring-2 focus-visible:ring-blue-600",
        isDragging && "opacity-40",
        pending && "animate-pulse",
      )}
    >
      <CardBody card={card} now={now} slaHours={slaHours} />
    </li>
  );
}
