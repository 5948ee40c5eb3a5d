"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { UndoButton, useSecondsLeft } from "@/components/undo/undo-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useReplyText } from "@/components/ui/reply-text";
import type { ActionResult } from "@/lib/action-result";
import type { BulkLine } from "@/lib/change-outcome";
import { refusalText } from "@/lib/i18n/refusal-text";
import type { Refusal } from "@/lib/result";
import { ChangeDetailsFields, defaultDetails, type ChangeDetailsValue, type CommentTemplateChoice } from "./change-details-fields";
import { BulkReport, type ReportLine } from "./bulk-report";
import { BulkChangeEffects, type PreviewBulkChange } from "./change-effects";
import type { ListWorkflow, OrderListRow } from "./types";

type BulkInput = { orders: { orderId: number; expectedVersion: number }[]; to: number } & ChangeDetailsValue;
export type BulkChange = (input: BulkInput) => Promise<ActionResult<BulkLine[]>>;
export type UndoLine = { eventId: number; undone: boolean; refusal?: Refusal };
export type UndoAll = (input: { eventIds: number[] }) => Promise<ActionResult<UndoLine[]>>;

/** Small chunks: the bar moves often, and one slow order holds up only a few others. */
const CHUNK = 5;

/**
 * "Change status of selected": pick the target and details, confirm, then the orders go to the
 * server in chunks (each order through the transition service) while a bar shows progress; the
 * end is a report per order. A refused chunk or order never stops the rest.
 */
export function BulkChangeDialog({
  selected,
  workflow,
  templates,
  open,
  onClose,
  change,
  finish,
  undoAll,
  preview,
}: {
  selected: OrderListRow[];
  workflow: ListWorkflow;
  templates: CommentTemplateChoice[];
  open: boolean;
  onClose: (ran: boolean) => void;
  change: BulkChange;
  finish: (input: unknown) => Promise<unknown>;
  undoAll: UndoAll;
  /** What the change will do to the selected orders, in counts, shown before it is confirmed. */
  preview: PreviewBulkChange;
}) {
  const t = useTranslations("orders.bulk");
  const common = useTranslations("common.actions");
  const router = useRouter();
  const id = useId();
  // Targets: every status of the selected orders' processes; the service judges each order.
  const targets = useMemo(() => {
    const ids = new Set<number>();
    for (const row of selected) for (const s of workflow.definitions[row.orderTypeId]?.statuses ?? []) if (!s.archived) ids.add(s.id);
    const inProcess = new Set(selected.flatMap((r) => workflow.definitions[r.orderTypeId]?.transitions.map((t) => t.to) ?? []));
    return [...ids].filter((s) => inProcess.has(s)).map((s) => ({ id: s, ...workflow.statuses[s]! }));
  }, [selected, workflow]);
  const [to, setTo] = useState<number>();
  const [details, setDetails] = useState<ChangeDetailsValue>({ comment: "", customerVisible: false, notifyEmail: true, notifySms: true });
  const [done, setDone] = useState<number>();
  const [lines, setLines] = useState<ReportLine[]>();
  const [ranTo, setRanTo] = useState("");
  const [undone, setUndone] = useState<ActionResult<UndoLine[]>>();
  const undoWords = useTranslations("undo");
  const refusals = useTranslations("refusals");
  const replyText = useReplyText();
  // The changes that can still be undone, and the hold's end of the earliest of them.
  const undoable = (lines ?? []).filter((l) => l.undo);
  const undoUntil = undoable.map((l) => l.undo!.until).sort()[0];
  const heldSeconds = useSecondsLeft(undoUntil);
  const running = done !== undefined && lines === undefined;
  const target = targets.find((t) => t.id === to);

  async function run() {
    if (!target) return;
    setRanTo(target.name);
    const numberOf = new Map(selected.map((r) => [r.id, r.number]));
    const report: ReportLine[] = [];
    setDone(0);
    for (let i = 0; i < selected.length; i += CHUNK) {
      const chunk = selected.slice(i, i + CHUNK);
      try {
        const reply = await change({ orders: chunk.map((r) => ({ orderId: r.id, expectedVersion: r.version })), to: target.id, ...details });
        if (reply.ok) report.push(...reply.value.map((l) => ({ ...l, number: numberOf.get(l.orderId) ?? String(l.orderId) })));
        else report.push(...chunk.map((r) => ({ orderId: r.id, number: r.number, outcome: "failed" as const, refusal: reply.error })));
      } catch {
        report.push(...chunk.map((r) => ({ orderId: r.id, number: r.number, outcome: "failed" as const, noAnswer: true })));
      }
      setDone(Math.min(i + CHUNK, selected.length));
    }
    setLines(report);
    await finish({});
    router.refresh();
  }

  const close = () => {
    if (running) return;
    const ran = lines !== undefined;
    setTo(undefined);
    setDone(undefined);
    setLines(undefined);
    setUndone(undefined);
    onClose(ran);
  };

  return (
    <>
      {open && <span hidden data-live-hold />}
      <Dialog open={open} title={lines ? t("finished") : t("title", { count: selected.length })} onClose={close}>
        {lines ? (
          <div className="space-y-4">
            <BulkReport lines={lines} targetName={ranTo} />
            {undone ? (
              <UndoReport reply={undone} lines={lines} replyText={replyText} refusals={refusals} />
            ) : (
              undoUntil &&
              heldSeconds > 0 && (
                <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900">
                  <span className="flex-1">{undoWords("held", { seconds: heldSeconds })}</span>
                  <UndoButton
                    until={undoUntil}
                    text={(seconds) => undoWords("all", { seconds })}
                    undo={() => undoAll({ eventIds: undoable.map((l) => l.undo!.eventId) })}
                    onDone={(reply) => {
                      setUndone(reply);
                      router.refresh();
                    }}
                  />
                </div>
              )
            )}
            <div className="flex justify-end">
              <Button onClick={close}>{common("close")}</Button>
            </div>
          </div>
        ) : running ? (
          <div className="space-y-2">
            <label htmlFor={`${id}-progress`} className="block text-sm text-slate-700">
              {t("progress", { done, total: selected.length })}
            </label>
            <progress id={`${id}-progress`} max={selected.length} value={done} className="h-3 w-full overflow-hidden rounded accent-blue-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-700 [&::-webkit-progress-value]:transition-all" />
          </div>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <div>
              <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-700">
                {t("newStatus")}
              </label>
              <select
                id={`${id}-to`}
                required
                value={to ?? ""}
                onChange={(e) => {
                  const next = targets.find((t) => t.id === Number(e.target.value));
                  setTo(next?.id);
                  if (next) setDetails((d) => ({ ...defaultDetails(next), comment: d.comment, customerVisible: d.customerVisible }));
                }}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">{t("chooseStatus")}</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <ChangeDetailsFields value={details} onChange={setDetails} templates={templates.filter((t) => t.statusId === null || t.statusId === to)} />
            <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {target ? t("warning", { count: selected.length, to: target.name }) : t("chooseFirst")}
            </p>
            <BulkChangeEffects
              preview={preview}
              request={
                target && {
                  orders: selected.map((r) => ({ orderId: r.id, expectedVersion: r.version })),
                  to: target.id,
                  notifyEmail: details.notifyEmail,
                  notifySms: details.notifySms,
                }
              }
            />
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={close}>
                {common("cancel")}
              </Button>
              <Button type="submit" disabled={!target}>
                {t("submit", { count: selected.length })}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}

/** What "Undo all" did, order by order: undone, or why not. */
function UndoReport({
  reply,
  lines,
  replyText,
  refusals,
}: {
  reply: ActionResult<UndoLine[]>;
  lines: ReportLine[];
  replyText: ReturnType<typeof useReplyText>;
  refusals: ReturnType<typeof useTranslations<"refusals">>;
}) {
  const t = useTranslations("undo");
  if (!reply.ok) return <Alert tone="error">{replyText(reply)}</Alert>;
  const numberOf = new Map(lines.filter((l) => l.undo).map((l) => [l.undo!.eventId, l.number]));
  return (
    <div className="space-y-2">
      <Alert tone="success">{reply.message}</Alert>
      <table className="w-full text-sm" aria-label={t("batchReport")}>
        <tbody className="divide-y divide-slate-100">
          {reply.value.map((line) => (
            <tr key={line.eventId}>
              <td className="px-2 py-1 font-medium">{numberOf.get(line.eventId)}</td>
              <td className="px-2 py-1 text-slate-700">{line.undone ? t("undone") : line.refusal ? refusalText(refusals, line.refusal) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
