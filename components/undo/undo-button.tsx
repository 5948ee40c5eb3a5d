"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

/** Whole seconds left until `until` (ISO), never below 0. */
function secondsLeft(until: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(until).getTime() - now) / 1000));
}

/** A countdown to `until` that ticks once a second and stops at 0. */
export function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? secondsLeft(until, now) : 0;
}

/**
 * "Undo (12 s)" for a change whose messages are held, beside the words that name the change (its
 * toast or alert): gone when the hold ends (the server would
 * refuse anyway, and says why if the click comes too late). `undo` is the server action; its
 * answer goes to `onDone` for the screen to show.
 */
export function UndoButton<T>({
  until,
  text,
  undo,
  onDone,
}: {
  until: string;
  /** The visible words, with the seconds left. */
  text: (seconds: number) => string;
  undo: () => Promise<ActionResult<T>>;
  onDone: (reply: ActionResult<T>) => void;
}) {
  const t = useTranslations("undo");
  const seconds = useSecondsLeft(until);
  const [pending, startTransition] = useTransition();
  if (seconds === 0 && !pending) return null;
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() => startTransition(async () => onDone(await undo()))}
      className="shrink-0"
    >
      {pending ? t("undoing") : text(seconds)}
    </Button>
  );
}
