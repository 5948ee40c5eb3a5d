"use client";

import { DndContext, DragOverlay, type Announcements, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import type { ChangeDetailsValue, CommentTemplateChoice } from "@/components/orders/change-details-fields";
import { BOARD_MAX_CARDS, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import type { ActionResult } from "@/lib/action-result";
import { refusalText } from "@/lib/i18n/refusal-text";
import type { WorkflowDefinition } from "@/lib/workflow";
import { CardBody } from "./board-card";
import { BoardColumn } from "./board-column";
import { ChangeDialog } from "./change-dialog";
import { boardCollisions, useBoardSensors } from "./dnd-setup";
import { GroupedColumns } from "./grouped-columns";
import type { BoardCard, BoardStatus, DropState } from "./types";
import { useDropReason, useDropStates } from "./use-drop-states";
import { UndoButton } from "@/components/undo/undo-button";
import type { ChangeMade } from "@/lib/status-change-input";
import type { PreviewChange } from "@/components/orders/change-effects";

type MoveInput = { orderId: number; to: number; expectedVersion: number } & ChangeDetailsValue;
type Drop = { card: BoardCard; to: BoardStatus };
type Board = { cards: Record<number, BoardCard[]>; counts: Record<number, number> };

/** The board as it will be once a move lands: shown at once, undone by React if the move fails. */
function applyMove(board: Board, { card, to }: Drop): Board {
  const from = card.statusId;
  return {
    cards: {
      ...board.cards,
      [from]: (board.cards[from] ?? []).filter((c) => c.id !== card.id),
      [to.id]: [{ ...card, statusId: to.id, statusChangedAt: new Date() }, ...(board.cards[to.id] ?? [])],
    },
    counts: { ...board.counts, [from]: (board.counts[from] ?? 1) - 1, [to.id]: (board.counts[to.id] ?? 0) + 1 },
  };
}

export function KanbanBoard({
  statuses,
  cards,
  counts,
  limits,
  definition,
  templates,
  now,
  move,
  undo,
  preview,
}: {
  statuses: BoardStatus[];
  cards: Record<number, BoardCard[]>;
  counts: Record<number, number>;
  limits: Record<number, number>;
  definition: WorkflowDefinition;
  templates: CommentTemplateChoice[];
  now: number;
  move: (input: MoveInput) => Promise<ActionResult<ChangeMade>>;
  undo: (input: { eventId: number }) => Promise<ActionResult<{ number: string }>>;
  /** What a drop will do, shown in the drop dialog before it is confirmed. */
  preview: PreviewChange;
}) {
  const t = useTranslations("board");
  const refusals = useTranslations("refusals");
  const dropReason = useDropReason();
  const [board, addMove] = useOptimistic<Board, Drop>({ cards, counts }, applyMove);
  const [, startTransition] = useTransition();
  const [active, setActive] = useState<BoardCard>();
  const [dialog, setDialog] = useState<Drop>();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string; undo?: { eventId: number; until: string } }>();
  const undoWords = useTranslations("undo");
  const [pendingIds, setPendingIds] = useState<Set<number>>(new Set());
  // The card that should hold the focus after a keyboard move: it is a new element in its new
  // column (or back in its old one), so the focus dnd-kit restores would fall to the page.
  const [focusId, setFocusId] = useState<number>();
  useEffect(() => {
    if (focusId === undefined || dialog) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    const card = document.querySelector<HTMLElement>(`[data-card-id="${focusId}"]`);
    if (lost && card) card.focus();
  }, [focusId, dialog, board]);
  const dropStates = useDropStates(definition, active);
  const sensors = useBoardSensors();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const statusById = useMemo(() => new Map(statuses.map((s) => [s.id, s])), [statuses]);
  // Asked first when the drop messages the customer, offers comment templates, or sets off rules:
  // the dialog then shows what the move will do. A drop that only reports to webhooks moves at once.
  const needsDetails = (status: BoardStatus) =>
    status.notifyCustomerEmail || status.notifyCustomerSms || status.startsRules || templates.some((t) => t.statusId === status.id);

  // Announcements read the latest state through a ref: dnd-kit keeps the first object it is given.
  // The ref is updated after each commit (not while rendering), before any drag event can read it.
  const stateRef = useRef({ dropStates, statusById, t, dropReason });
  useEffect(() => {
    stateRef.current = { dropStates, statusById, t, dropReason };
  });
  /** Where the card is over, for the screen reader; undefined over no column. */
  const describeOver = (overId: string | number | undefined) => {
    const { statusById, dropStates, t, dropReason } = stateRef.current;
    const statusId = Number(String(overId ?? "").replace("status-", ""));
    const status = statusById.get(statusId);
    if (!status) return undefined;
    const state = dropStates.get(statusId);
    if (state?.kind === "blocked") return t("announce.blocked", { status: status.name, reason: dropReason(state) });
    return state?.kind === "source" ? t("announce.source", { status: status.name }) : t("announce.allowed", { status: status.name });
  };
  const numberOf = (data: unknown) => (data as { card?: BoardCard } | undefined)?.card?.number ?? "";
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => stateRef.current.t("announce.pickedUp", { number: numberOf(a.data.current) }),
    onDragOver: ({ active: a, over }) => {
      const where = describeOver(over?.id);
      const number = numberOf(a.data.current);
      return where ? stateRef.current.t("announce.over", { number, where }) : stateRef.current.t("announce.overNone", { number });
    },
    onDragEnd: ({ active: a, over }) => {
      const where = describeOver(over?.id);
      const number = numberOf(a.data.current);
      return where ? stateRef.current.t("announce.dropped", { number, where }) : stateRef.current.t("announce.droppedNone", { number });
    },
    onDragCancel: ({ active: a }) => stateRef.current.t("announce.cancelled", { number: numberOf(a.data.current) }),
  };

  function commit(drop: Drop, details: ChangeDetailsValue) {
    setNotice(undefined);
    setFocusId(drop.card.id);
    setPendingIds((ids) => new Set(ids).add(drop.card.id));
    startTransition(async () => {
      addMove(drop);
      try {
        const reply = await move({ orderId: drop.card.id, to: drop.to.id, expectedVersion: drop.card.version, ...details });
        setNotice(
          reply.ok
            ? {
                tone: "success",
                text: reply.message,
                ...(reply.value.undoUntil ? { undo: { eventId: reply.value.eventId, until: reply.value.undoUntil } } : {}),
              }
            : {
                tone: "error",
                text:
                  // By the code, never the server's English sentence: the board has already re-read the order.
                  reply.error.code === "version_conflict"
                    ? t("conflict", { number: drop.card.number })
                    : refusalText(refusals, reply.error, { orderNumber: drop.card.number, targetName: drop.to.name }),
              },
        );
      } catch {
        setNotice({ tone: "error", text: t("noAnswer", { number: drop.card.number }) });
      } finally {
        setPendingIds((ids) => {
          const next = new Set(ids);
          next.delete(drop.card.id);
          return next;
        });
      }
    });
  }

  function onDragEnd(event: DragEndEvent) {
    const card = active;
    setActive(undefined);
    setFocusId(card?.id);
    const statusId = event.over?.data.current?.statusId as number | undefined;
    const to = statusId === undefined ? undefined : statusById.get(statusId);
    if (!card || !to || to.id === card.statusId) return;
    const state: DropState | undefined = dropStates.get(to.id);
    if (state?.kind !== "allowed") {
      const reason = dropReason(state?.kind === "blocked" ? state : { kind: "blocked", code: "archived", to: to.name });
      setNotice({ tone: "error", text: t("drop.refused", { number: card.number, to: to.name, reason }) });
      return;
    }
    if (needsDetails(to)) setDialog({ card, to });
    else commit({ card, to }, { comment: "", customerVisible: false, notifyEmail: true, notifySms: true });
  }

  const moreHref = (status: BoardStatus) => {
    const shown = board.cards[status.id]?.length ?? 0;
    const limit = limits[status.id] ?? BOARD_PAGE_SIZE;
    if ((board.counts[status.id] ?? 0) <= shown || limit >= BOARD_MAX_CARDS) return undefined;
    const more = new Map(Object.entries(limits).filter(([, l]) => l > BOARD_PAGE_SIZE));
    more.set(String(status.id), limit + BOARD_PAGE_SIZE);
    const params = new URLSearchParams(searchParams.toString());
    params.set("more", [...more].map(([id, l]) => `${id}.${l}`).join(","));
    return `${pathname}?${params.toString()}`;
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisions}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("announce.instructions") } }}
      onDragStart={(e: DragStartEvent) => setActive((e.active.data.current as { card: BoardCard }).card)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(undefined)}
    >
      {/* A toast, not a banner: the columns must not jump when a message appears. */}
      <div className="fixed right-4 bottom-4 z-40 w-[min(28rem,calc(100vw-2rem))]">
        {notice && (
          <Alert tone={notice.tone} className="flex items-start gap-2 shadow-lg">
            <span className="flex-1">{notice.text}</span>
            {notice.undo && (
              <UndoButton
                until={notice.undo.until}
                text={(seconds) => undoWords("button", { seconds })}
                undo={() => undo({ eventId: notice.undo!.eventId })}
                onDone={(reply) =>
                  setNotice(reply.ok ? { tone: "success", text: reply.message } : { tone: "error", text: refusalText(refusals, reply.error) })
                }
              />
            )}
            <button type="button" onClick={() => setNotice(undefined)} aria-label={t("dismiss")} className="px-1 leading-none">
              ×
            </button>
          </Alert>
        )}
      </div>
      {(active || dialog) && <span hidden data-live-hold />}
      <GroupedColumns statuses={statuses} counts={board.counts}>
        {(status) => (
          <BoardColumn
            key={status.id}
            status={status}
            cards={board.cards[status.id] ?? []}
            count={board.counts[status.id] ?? 0}
            now={now}
            drop={active ? (dropStates.get(status.id) ?? { kind: "blocked", code: "archived", to: status.name }) : undefined}
            moreHref={moreHref(status)}
            pendingIds={pendingIds}
          />
        )}
      </GroupedColumns>
      <DragOverlay dropAnimation={null}>
        {active && (
          <div className="w-72 cursor-grabbing rounded-md border border-blue-400 bg-white p-2.5 shadow-lg">
            <CardBody card={active} now={now} slaHours={statusById.get(active.statusId)?.slaHours ?? null} />
          </div>
        )}
      </DragOverlay>
      <ChangeDialog
        drop={dialog}
        templates={templates}
        preview={preview}
        onCancel={() => {
          if (dialog) setFocusId(dialog.card.id);
          setDialog(undefined);
        }}
        onConfirm={(details) => {
          if (dialog) commit(dialog, details);
          setDialog(undefined);
        }}
      />
    </DndContext>
  );
}
