"use client";

import { type ActionResult } from "@/lib/action-result";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { useServerState } from "@/components/ui/use-server-state";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { useReplyText } from "@/components/ui/reply-text";
import type { RuleListItem } from "./types";

type Action = (input: unknown) => Promise<ActionResult>;

function SortableRule({
  rule,
  position,
  onToggle,
  onDelete,
  busy,
}: {
  rule: RuleListItem;
  position: number;
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
  busy: boolean;
}) {
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id: rule.id });
  const t = useTranslations("automations.list");
  const tc = useTranslations("common");
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm", isDragging && "z-10 opacity-70 shadow-lg")}
      data-testid={`rule-${rule.id}`}
    >
      <button
        type="button"
        aria-label={t("move", { name: rule.name })}
        className="mt-0.5 cursor-grab touch-none rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing"
        {...attributes}
        {...listeners}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          {[5, 10, 15].flatMap((y) => [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" />))}
        </svg>
      </button>
      <span className="mt-1 w-6 shrink-0 text-right text-xs text-slate-500" aria-hidden>
        {position}.
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/admin/automations/${rule.id}`} className="font-medium text-slate-900 hover:underline">
            {rule.name}
          </Link>
          {!rule.enabled && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("off")}</span>}
          {rule.recentFailures > 0 && (
            <Link href={`/admin/automations/${rule.id}/log`} className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800 hover:underline">
              {t("recentFailures", { count: rule.recentFailures })}
            </Link>
          )}
        </div>
        <p className={cn("text-sm", rule.enabled ? "text-slate-700" : "text-slate-500")}>{rule.sentence}</p>
        <div className="flex flex-wrap items-center gap-3 pt-1 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={rule.enabled} disabled={busy} onChange={(e) => onToggle(e.target.checked)} className="h-4 w-4" />
            {t("enabled")}
          </label>
          <Link href={`/admin/automations/${rule.id}/log`} className="text-blue-700 hover:underline">
            {t("log")}
          </Link>
          <Link href={`/admin/automations/${rule.id}`} className="text-blue-700 hover:underline">
            {t("edit")}
          </Link>
          <ConfirmButton label={tc("actions.delete")} confirmLabel={t("deleteRule")} question={t("deleteQuestion", { name: rule.name })} onConfirm={onDelete} disabled={busy} />
        </div>
      </div>
    </li>
  );
}

/**
 * The rules in the order they run, reordered by drag and drop (mouse, touch, keyboard). A drop
 * shows at once and is saved in the background; a refused save puts the list back and says why.
 */
export function RuleList({
  rules: initial,
  reorder,
  setEnabled,
  deleteRule,
}: {
  rules: RuleListItem[];
  reorder: Action;
  setEnabled: Action;
  deleteRule: Action;
}) {
  const [rules, setRules] = useServerState(initial);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();
  const before = useRef(initial);
  const t = useTranslations("automations.list");
  const replyText = useReplyText();

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: UniqueIdentifier) => rules.find((r) => r.id === id)?.name ?? t("aRule");
  const placeOf = (id: UniqueIdentifier) => t("position", { position: String(rules.findIndex((r) => r.id === id) + 1), count: String(rules.length) });
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("pickedUp", { name: nameOf(active.id), place: placeOf(active.id) }),
    onDragOver: ({ active, over }) => (over && over.id !== active.id ? t("over", { name: nameOf(active.id), place: placeOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => t("dropped", { name: nameOf(active.id), place: placeOf(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t("cancelled", { name: nameOf(active.id) }),
  };

  function report(result: ActionResult, undo?: () => void) {
    if (result.ok) setMessage({ tone: "success", text: result.message });
    else {
      undo?.();
      setMessage({ tone: "error", text: t("notSaved", { reason: replyText(result) ?? "" }) });
    }
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const previous = rules;
    const next = arrayMove(rules, rules.findIndex((r) => r.id === active.id), rules.findIndex((r) => r.id === over.id));
    setRules(next);
    startTransition(async () => report(await reorder({ ids: next.map((r) => r.id) }), () => setRules(previous)));
  }

  if (rules.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t("instructions") },
        }}
        onDragStart={() => {
          before.current = rules;
          setMessage(undefined);
        }}
        onDragEnd={onDragEnd}
        onDragCancel={() => setRules(before.current)}
      >
        <SortableContext items={rules.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" aria-label={t("label")}>
            {rules.map((rule, index) => (
              <SortableRule
                key={rule.id}
                rule={rule}
                position={index + 1}
                busy={pending}
                onToggle={(enabled) => {
                  const previous = rules;
                  setRules(rules.map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
                  startTransition(async () => report(await setEnabled({ id: rule.id, enabled }), () => setRules(previous)));
                }}
                onDelete={() => startTransition(async () => report(await deleteRule({ id: rule.id })))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}
