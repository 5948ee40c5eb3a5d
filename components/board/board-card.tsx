"use client";

import { useDraggable } from "@dnd-kit/core";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { durationMessage, formatMoney } from "@/lib/format";
import type { BoardCard } from "./types";
import { courierName } from "@/lib/courier-name";
import { useChannelName } from "@/components/orders/code-names";

function PaymentLabel({ card }: { card: Pick<BoardCard, "paidAt" | "paymentMethod"> }) {
  const t = useTranslations("orders");
  if (card.paidAt) return <span className="text-green-700">{t("payment.paid")}</span>;
  if (card.paymentMethod === "cod") return <span className="text-slate-600">{t("paymentMethods.cod")}</span>;
  return <span className="text-amber-700">{t("payment.unpaid")}</span>;
}

export function CardBody({ card, now, slaHours }: { card: BoardCard; now: number; slaHours: number | null }) {
  const t = useTranslations("board.card");
  const common = useTranslations("common");
  const locale = useLocale();
  const channelName = useChannelName();
  const waited = now - new Date(card.statusChangedAt).getTime();
  const overdue = slaHours !== null && waited > slaHours * 3_600_000;
  const wait = durationMessage(waited);
  const duration = common(`duration.${wait.key}`, wait.values as never);
  return (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <Link href={`/orders/${card.number}`} className="font-semibold text-blue-700 hover:underline" onPointerDown={(e) => e.stopPropagation()}>
          {card.number}
        </Link>
        <span className="text-sm tabular-nums">{formatMoney(card.total, card.currency, locale)}</span>
      </div>
      <div className="truncate text-sm text-slate-800">{card.customerName}</div>
      <div className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-600">
        <span>{channelName(card.channel)}</span>
        <span aria-hidden="true">·</span>
        <PaymentLabel card={card} />
        {card.courier && (
          <>
            <span aria-hidden="true">·</span>
            <span>{courierName(card.courier)}</span>
          </>
        )}
      </div>
      <div className={cn("mt-1 text-xs", overdue ? "font-semibold text-red-700" : "text-slate-500")}>
        {overdue ? (
          <span title={t("overSla", { hours: slaHours })}>{t("overdue", { duration })}</span>
        ) : (
          t("inStatus", { duration })
        )}
      </div>
    </>
  );
}

/**
 * A card on the board: drag it by any part except the order link. The list item holds a group
 * (not a button) that carries the drag, so the order link inside it is no nested control.
 */
export function DraggableCard({ card, now, slaHours, pending }: { card: BoardCard; now: number; slaHours: number | null; pending: boolean }) {
  const t = useTranslations("board.card");
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `order-${card.id}`,
    data: { card },
    attributes: { role: "group", roleDescription: t("roleDescription") },
  });
  return (
    <li>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t("label", { number: card.number, customer: card.customerName })}
        data-testid={`card-${card.number}`}
        data-card-id={card.id}
        className={cn(
          "cursor-grab touch-none rounded-md border border-slate-200 bg-white p-2.5 shadow-sm outline-none select-none focus-visible:ring-2 focus-visible:ring-blue-600",
          // Where the dragged card came from: outlined, not faded, so its text keeps its contrast.
          isDragging && "border-dashed border-blue-500 bg-blue-50 shadow-none",
          pending && "animate-pulse",
        )}
      >
        <CardBody card={card} now={now} slaHours={slaHours} />
      </div>
    </li>
  );
}
