"use client";

import { DndContext, DragOverlay, type Announcements, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import type { ChangeDetailsValue, CommentTemplateChoice } from "@/components/orders/change-details-fields";
import { BOARD_MAX_CARDS, BOARD_PAGE_SIZE } from "@/lib/board-limits";
import type { ChangeReply } from "@/lib/status-change-input";
import type { WorkflowDefinition } from "@/lib/workflow";
import { CardBody } from "./board-card";
import { BoardColumn } from "./board-column";
import { ChangeDialog } from "./change-dialog";
import { boardCollisions, screenReaderInstructions, useBoardSensors } from "./dnd-setup";
import { GroupedColumns } from "./grouped-columns";
import type { BoardCard, BoardStatus, DropState } from "./types";
import { useDropStates } from "./use-drop-states";

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
}: {
  statuses: BoardStatus[];
  cards: Record<number, BoardCard[]>;
  counts: Record<number, number>;
  limits: Record<number, number>;
  definition: WorkflowDefinition;
  templates: CommentTemplateChoice[];
  now: number;
  move: (input: MoveInput) => Promise<ChangeReply>;
}) {
  const [board, addMove] = useOptimistic<Board, Drop>({ cards, counts }, applyMove);
  const [, startTransition] = useTransition();
  const [active, setActive] = useState<BoardCard>();
  const [dialog, setDialog] = useState<Drop>();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  const [pendingIds, setPendingIds] = useState<Set<number>>(new Set());
  const dropStates = useDropStates(definition, active);
  const sensors = useBoardSensors();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const statusById = useMemo(() => new Map(statuses.map((s) => [s.id, s])), [statuses]);
  const needsDetails = (status: BoardStatus) =>
    status.notifyCustomerEmail || status.notifyCustomerSms || templates.some((t) => t.statusId === status.id);

  // Announcements read the latest state through a ref: dnd-kit keeps the first object it is given.
  const stateRef = useRef({ dropStates, statusById });
  stateRef.current = { dropStates, statusById };
  const describeOver = (overId: string | number | undefined) => {
    const statusId = Number(String(overId ?? "").replace("status-", ""));
    const status = stateRef.current.statusById.get(statusId);
    if (!status) return "no column";
    const state = stateRef.current.dropStates.get(statusId);
    if (state?.kind === "blocked") return `${status.name}: cannot drop here, ${state.reason}`;
    return state?.kind === "source" ? `${status.name}, where it is now` : `${status.name}: drop allowed`;
  };
  const numberOf = (data: unknown) => (data as { card?: BoardCard } | undefined)?.card?.number ?? "order";
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up order ${numberOf(a.data.current)}.`,
    onDragOver: ({ active: a, over }) => `Order ${numberOf(a.data.current)} is over ${describeOver(over?.id)}.`,
    onDragEnd: ({ active: a, over }) => `Order ${numberOf(a.data.current)} dropped on ${describeOver(over?.id)}.`,
    onDragCancel: ({ active: a }) => `Moving order ${numberOf(a.data.current)} was cancelled.`,
  };

  function commit(drop: Drop, details: ChangeDetailsValue) {
    setNotice(undefined);
    setPendingIds((ids) => new Set(ids).add(drop.card.id));
    startTransition(async () => {
      addMove(drop);
      try {
        const reply = await move({ orderId: drop.card.id, to: drop.to.id, expectedVersion: drop.card.version, ...details });
        setNotice(
          reply.ok
            ? { tone: "success", text: reply.message }
            : {
                tone: "error",
                text:
                  reply.code === "version_conflict"
                    ? `${reply.message.replace(" Reload it and try again.", "")} The card now shows where the order really is.`
                    : reply.message,
              },
        );
      } catch {
        setNotice({ tone: "error", text: `Order ${drop.card.number} could not be moved: the server did not answer. Nothing was changed.` });
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
    const statusId = event.over?.data.current?.statusId as number | undefined;
    const to = statusId === undefined ? undefined : statusById.get(statusId);
    if (!card || !to || to.id === card.statusId) return;
    const state: DropState | undefined = dropStates.get(to.id);
    if (state?.kind !== "allowed") {
      const reason = state?.kind === "blocked" ? state.reason : `${to.name} is archived`;
      setNotice({ tone: "error", text: `Order ${card.number} cannot move to ${to.name}: ${reason}.` });
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
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={(e: DragStartEvent) => setActive((e.active.data.current as { card: BoardCard }).card)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(undefined)}
    >
      {/* A toast, not a banner: the columns must not jump when a message appears. */}
      <div className="fixed right-4 bottom-4 z-40 w-[min(28rem,calc(100vw-2rem))]">
        {notice && (
          <Alert tone={notice.tone} className="flex items-start gap-2 shadow-lg">
            <span className="flex-1">{notice.text}</span>
            <button type="button" onClick={() => setNotice(undefined)} aria-label="Dismiss message" className="px-1 leading-none">
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
            drop={active ? (dropStates.get(status.id) ?? { kind: "blocked", code: "not_allowed", reason: "Archived" }) : undefined}
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
        onCancel={() => setDialog(undefined)}
        onConfirm={(details) => {
          if (dialog) commit(dialog, details);
          setDialog(undefined);
        }}
      />
    </DndContext>
  );
}
