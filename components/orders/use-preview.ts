"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";

/** A pick of the target or a toggle waits this long for the next before the server is asked. */
const SETTLE_MS = 250;

export type PreviewState<T> = { kind: "idle" } | { kind: "loading" } | { kind: "failed" } | { kind: "done"; reply: ActionResult<T> };

/**
 * Asks `preview` about `request` once it has settled (a run of picks or toggles makes one call),
 * and keeps only the answer to the request still on screen: an answer to an earlier one that comes
 * late is dropped. No request: nothing to show.
 */
export function usePreview<I, T>(preview: (input: I) => Promise<ActionResult<T>>, request: I | undefined): PreviewState<T> {
  const key = request === undefined ? undefined : JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; state: PreviewState<T> }>();
  // Read when the timer fires, so a new function or an equal object does not ask again.
  const latest = useRef({ preview, request });
  useEffect(() => {
    latest.current = { preview, request };
  });
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      const { preview: ask, request: input } = latest.current;
      if (input === undefined) return;
      ask(input).then(
        (reply) => current && setAnswer({ key, state: { kind: "done", reply } }),
        () => current && setAnswer({ key, state: { kind: "failed" } }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (key === undefined) return { kind: "idle" };
  return answer?.key === key ? answer.state : { kind: "loading" };
}
