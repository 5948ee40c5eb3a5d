"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { useServerState } from "@/components/ui/use-server-state";
import { introducedErrors, lintWorkflow, type LintIssue, type WorkflowStatus } from "@/lib/workflow";
import { lintIn, type ActionResult } from "@/lib/action-result";
import type { LintDetail } from "@/lib/result";
import type { StudioAction } from "./board-types";
import { useAdminReplyText } from "./reply-text";
import { useStrandingConfirmation } from "./stranding-dialog";

type Pair = { from: number; to: number };
type MatrixAnswer = { transitions: Pair[] };
export type RowMode = "all" | "forward" | "clear";
export type MatrixMessage = { tone: "success" | "error" | "info"; text: string; lint?: LintDetail[] };

const keyOf = (p: Pair) => `${p.from}>${p.to}`;

/**
 * The one copy of an order type's matrix on the page: the grid and the picture both read and
 * change it through here, so they can never disagree. The lint runs in the browser on every
 * change (the engine is pure); the server re-checks and stays the authority. A change the lint
 * says would add an error is not shown optimistically: the server's refusal explains it. A change
 * that would leave open orders with no way forward (a cleared row, a last exit forbidden) is
 * asked about first: the server refuses it with their number, the grid goes back to what it was,
 * and only "Save anyway" sends it again with that number.
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
  const t = useTranslations("workflows.matrix");
  const ts = useTranslations("workflows.stranding");
  const replyText = useAdminReplyText();
  const [pairs, setPairs] = useServerState(initial);
  const [message, setMessage] = useState<MatrixMessage>();
  const [pending, startTransition] = useTransition();

  const allowed = useMemo(() => new Set(pairs.map(keyOf)), [pairs]);
  const issues: LintIssue[] = useMemo(
    () => lintWorkflow({ statuses, initialStatusId, transitions: pairs }),
    [statuses, initialStatusId, pairs],
  );
  const nameOf = (id: number) => statuses.find((s) => s.id === id)?.name ?? `#${id}`;
  const stranding = useStrandingConfirmation({ nameOf: (id) => statuses.find((s) => s.id === id)?.name });

  type Call = (confirmStranded: number | undefined) => Promise<ActionResult<MatrixAnswer>>;
  function send(next: Pair[] | undefined, call: Call, done: string, confirmStranded?: number) {
    const previous = pairs;
    // Shown at once unless the browser's own lint already sees a new error.
    const safe = next && introducedErrors(issues, lintWorkflow({ statuses, initialStatusId, transitions: next })).length === 0;
    if (next && safe) setPairs(next);
    startTransition(async () => {
      const result = await call(confirmStranded);
      if (result.ok) {
        setPairs(result.value.transitions);
        setMessage({ tone: "success", text: done });
        return;
      }
      setPairs(previous);
      const asked = stranding.askIfStranding(
        result,
        (count) => send(next, call, done, count),
        () => setMessage({ tone: "info", text: ts("cancelled") }),
      );
      setMessage(asked ? undefined : { tone: "error", text: replyText(result, { nameOf }) ?? "", lint: lintIn(result) });
    });
  }

  function toggle(from: number, to: number, on = !allowed.has(`${from}>${to}`)) {
    const next = on ? [...pairs, { from, to }] : pairs.filter((p) => !(p.from === from && p.to === to));
    const done = t(on ? "allowed" : "forbidden", { from: nameOf(from), to: nameOf(to) });
    send(next, (confirmStranded) => setTransition({ orderTypeId, from, to, allowed: on, confirmStranded }), done);
  }

  function row(from: number, mode: RowMode) {
    const key = ({ all: "rowAll", forward: "rowForward", clear: "rowClear" } as const)[mode];
    const next = mode === "clear" ? pairs.filter((p) => p.from !== from) : undefined;
    send(next, (confirmStranded) => setRow({ orderTypeId, from, mode, confirmStranded }), t(key, { name: nameOf(from) }));
  }

  return { pairs, allowed, issues, toggle, row, pending, message, nameOf, strandingDialog: stranding.dialog };
}

export type MatrixApi = ReturnType<typeof useMatrix>;
