"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { introducedErrors, lintWorkflow, type LintIssue, type WorkflowStatus } from "@/lib/workflow";
import type { StudioAction, StudioResult } from "./board-types";

type Pair = { from: number; to: number };
type MatrixAnswer = { transitions: Pair[] };
export type RowMode = "all" | "forward" | "clear";
export type MatrixMessage = { tone: "success" | "error"; text: string; lint?: StudioResult["lint"] };

const keyOf = (p: Pair) => `${p.from}>${p.to}`;

/**
 * The one copy of an order type's matrix on the page: the grid and the picture both read and
 * change it through here, so they can never disagree. The lint runs in the browser on every
 * change (the engine is pure); the server re-checks and stays the authority. A change the lint
 * says would add an error is not shown optimistically: the server's refusal explains it.
 */
export function useMatrix({
  orderTypeId,
  statuses,
  initialStatusId,
  transitions: initial,
  setTransition,
  setRow,
}: {
  orderTypeId: number;
  statuses: WorkflowStatus[];
  initialStatusId: number;
  transitions: Pair[];
  setTransition: StudioAction<MatrixAnswer>;
  setRow: StudioAction<MatrixAnswer>;
}) {
  const [pairs, setPairs] = useState(initial);
  const [message, setMessage] = useState<MatrixMessage>();
  const [pending, startTransition] = useTransition();
  useEffect(() => setPairs(initial), [initial]);

  const allowed = useMemo(() => new Set(pairs.map(keyOf)), [pairs]);
  const issues: LintIssue[] = useMemo(
    () => lintWorkflow({ statuses, initialStatusId, transitions: pairs }),
    [statuses, initialStatusId, pairs],
  );
  const nameOf = (id: number) => statuses.find((s) => s.id === id)?.name ?? `#${id}`;

  function send(next: Pair[] | undefined, call: () => Promise<StudioResult<MatrixAnswer>>, done: string) {
    const previous = pairs;
    // Shown at once unless the browser's own lint already sees a new error.
    const safe = next && introducedErrors(issues, lintWorkflow({ statuses, initialStatusId, transitions: next })).length === 0;
    if (next && safe) setPairs(next);
    startTransition(async () => {
      const result = await call();
      if (result.ok && result.data) {
        setPairs(result.data.transitions);
        setMessage({ tone: "success", text: done });
      } else {
        setPairs(previous);
        setMessage({ tone: "error", text: result.message ?? "Not saved.", lint: result.lint });
      }
    });
  }

  function toggle(from: number, to: number, on = !allowed.has(`${from}>${to}`)) {
    const next = on ? [...pairs, { from, to }] : pairs.filter((p) => !(p.from === from && p.to === to));
    const verb = on ? "allowed" : "forbidden";
    send(next, () => setTransition({ orderTypeId, from, to, allowed: on }), `${nameOf(from)} → ${nameOf(to)} ${verb}.`);
  }

  function row(from: number, mode: RowMode) {
    const text = { all: "every change allowed", forward: "forward changes allowed", clear: "all changes forbidden" }[mode];
    const next = mode === "clear" ? pairs.filter((p) => p.from !== from) : undefined;
    send(next, () => setRow({ orderTypeId, from, mode }), `${nameOf(from)}: ${text}.`);
  }

  return { pairs, allowed, issues, toggle, row, pending, message, nameOf };
}

export type MatrixApi = ReturnType<typeof useMatrix>;
