"use client";

import {
  closestCorners,
  pointerWithin,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useServerState } from "@/components/ui/use-server-state";
import { Alert } from "@/components/ui/alert";
import { changedGroups, dndId, type BoardGroup, type BoardStatus, type StudioAction } from "./board-types";
import { GroupEditor } from "./group-editor";
import { useAdminReplyText } from "./reply-text";
import { SortableGroup } from "./sortable-group";

type Props = {
  groups: BoardGroup[];
  statuses: BoardStatus[];
  saveLayout: StudioAction;
  reorderGroups: StudioAction;
  updateGroup: StudioAction;
  deleteGroup: StudioAction;
};

/**
 * Statuses inside their groups, reordered and moved by drag and drop (mouse, touch, keyboard).
 * Every drop is shown at once and saved in the background; a refused save puts the board back as
 * it was before the drag and says why.
 */
export function StatusBoard({ groups: initial, statuses, saveLayout, reorderGroups, updateGroup, deleteGroup }: Props) {
  // The server's answer after a save (revalidation) is the truth; adopt it.
  const [groups, setGroups] = useServerState(initial);
  const t = useTranslations("statuses");
  const replyText = useAdminReplyText();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [, startTransition] = useTransition();
  const before = useRef<BoardGroup[]>(initial);

  const byId = new Map(statuses.map((s) => [s.id, s]));
  const groupOfStatus = (id: number, list = groups) => list.find((g) => g.statusIds.includes(id));
  const nameOf = (raw: UniqueIdentifier) => {
    const { type, id } = dndId.parse(raw);
    return type === "group"
      ? t("board.groupName", { name: groups.find((g) => g.id === id)?.name ?? "" })
      : (byId.get(id)?.name ?? t("board.statusFallback"));
  };
  const whereIs = (raw: UniqueIdentifier) => {
    const { type, id } = dndId.parse(raw);
    if (type === "group") return t("board.position", { index: groups.findIndex((g) => g.id === id) + 1, count: groups.length });
    const group = groupOfStatus(id);
    return group
      ? t("board.positionIn", { index: group.statusIds.indexOf(id) + 1, count: group.statusIds.length, group: group.name })
      : "";
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("board.pickedUp", { name: nameOf(active.id), place: whereIs(active.id) }),
    // Over itself (as at the start of a drag) there is nothing new to say: keep the pick-up hint.
    // The place is the one under the dragged item: within a group the list only reorders on drop.
    onDragOver: ({ active, over }) =>
      over?.id === active.id
        ? undefined
        : over
          ? t("board.movedTo", { name: nameOf(active.id), place: whereIs(over.id) })
          : t("board.notOver", { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t("board.droppedAt", { name: nameOf(active.id), place: whereIs(over.id) }) : t("board.dropped", { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("board.cancelled", { name: nameOf(active.id) }),
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Groups only land among groups. A status lands on an empty group the pointer is over (a big
  // box never wins "closest corners" against small cards), otherwise on the nearest status.
  const collisionDetection: CollisionDetection = (args) => {
    const of = (type: "group" | "status") => args.droppableContainers.filter((c) => dndId.parse(c.id).type === type);
    if (args.active.data.current?.type === "group") return closestCorners({ ...args, droppableContainers: of("group") });
    const empty = of("group").filter((c) => groups.find((g) => g.id === dndId.parse(c.id).id)?.statusIds.length === 0);
    const inEmpty = pointerWithin({ ...args, droppableContainers: empty });
    if (inEmpty.length > 0) return inEmpty;
    return closestCorners({ ...args, droppableContainers: [...of("status"), ...(args.pointerCoordinates ? [] : empty)] });
  };

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || dndId.parse(active.id).type !== "status") return;
    const statusId = dndId.parse(active.id).id;
    const target = dndId.parse(over.id);
    setGroups((list) => {
      const from = groupOfStatus(statusId, list);
      const to = target.type === "group" ? list.find((g) => g.id === target.id) : groupOfStatus(target.id, list);
      if (!from || !to || from.id === to.id) return list;
      const index = target.type === "group" ? to.statusIds.length : to.statusIds.indexOf(target.id);
      return list.map((g) => {
        if (g.id === from.id) return { ...g, statusIds: g.statusIds.filter((id) => id !== statusId) };
        if (g.id === to.id) return { ...g, statusIds: [...g.statusIds.slice(0, index), statusId, ...g.statusIds.slice(index)] };
        return g;
      });
    });
  }

  function persist(next: BoardGroup[], previous: BoardGroup[], kind: "groups" | "statuses") {
    startTransition(async () => {
      const result =
        kind === "groups"
          ? await reorderGroups({ ids: next.map((g) => g.id) })
          : await saveLayout({ groups: changedGroups(next, previous).map((g) => ({ groupId: g.id, statusIds: g.statusIds })) });
      if (result.ok) setMessage({ tone: "success", text: result.message });
      else {
        setGroups(previous);
        setMessage({ tone: "error", text: t("board.notSaved", { reason: replyText(result) ?? "" }) });
      }
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const previous = before.current;
    const dragged = dndId.parse(active.id);
    let next = groups;
    if (over) {
      const target = dndId.parse(over.id);
      if (dragged.type === "group" && target.type === "group") {
        const from = groups.findIndex((g) => g.id === dragged.id);
        const to = groups.findIndex((g) => g.id === target.id);
        next = arrayMove(groups, from, to);
      } else if (dragged.type === "status" && target.type === "status") {
        const group = groupOfStatus(dragged.id);
        if (group?.statusIds.includes(target.id)) {
          const moved = arrayMove(group.statusIds, group.statusIds.indexOf(dragged.id), group.statusIds.indexOf(target.id));
          next = groups.map((g) => (g.id === group.id ? { ...g, statusIds: moved } : g));
        }
      }
    }
    setGroups(next);
    if (JSON.stringify(next) !== JSON.stringify(previous)) persist(next, previous, dragged.type === "group" ? "groups" : "statuses");
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: t("board.instructions"),
          },
        }}
        onDragStart={() => {
          before.current = groups;
          setMessage(undefined);
        }}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setGroups(before.current)}
      >
        <SortableContext items={groups.map((g) => dndId.group(g.id))} strategy={rectSortingStrategy}>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            {groups.map((group) => (
              <SortableGroup
                key={group.id}
                group={group}
                kindLabel={t(`kinds.${group.kind}`)}
                statuses={group.statusIds.flatMap((id) => byId.get(id) ?? [])}
                editor={<GroupEditor group={group} empty={group.statusIds.length === 0} updateGroup={updateGroup} deleteGroup={deleteGroup} />}
              />
            ))}
          </div>
        </SortableContext>
      </DndContext>
    </div>
  );
}

