"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ChangeOutcome } from "@/lib/status-change-input";
import { ChangeDetailsFields, defaultDetails, type ChangeDetailsValue, type CommentTemplateChoice } from "./change-details-fields";
import { BulkReport, type ReportLine } from "./bulk-report";
import type { ListWorkflow, OrderListRow } from "./types";

type BulkInput = { orders: { orderId: number; expectedVersion: number }[]; to: number } & ChangeDetailsValue;
export type BulkChange = (input: BulkInput) => Promise<{ ok: true; lines: { orderId: number; outcome: ChangeOutcome; message: string }[] } | { ok: false; message: string }>;

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
}: {
  selected: OrderListRow[];
  workflow: ListWorkflow;
  templates: CommentTemplateChoice[];
  open: boolean;
  onClose: (ran: boolean) => void;
  change: BulkChange;
  finish: () => Promise<void>;
}) {
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
  const running = done !== undefined && lines === undefined;
  const target = targets.find((t) => t.id === to);

  async function run() {
    if (!target) return;
    const numberOf = new Map(selected.map((r) => [r.id, r.number]));
    const report: ReportLine[] = [];
    setDone(0);
    for (let i = 0; i < selected.length; i += CHUNK) {
      const chunk = selected.slice(i, i + CHUNK);
      try {
        const reply = await change({ orders: chunk.map((r) => ({ orderId: r.id, expectedVersion: r.version })), to: target.id, ...details });
        if (reply.ok) report.push(...reply.lines.map((l) => ({ ...l, number: numberOf.get(l.orderId) ?? String(l.orderId) })));
        else report.push(...chunk.map((r) => ({ orderId: r.id, number: r.number, outcome: "failed" as const, message: reply.message })));
      } catch {
        report.push(...chunk.map((r) => ({ orderId: r.id, number: r.number, outcome: "failed" as const, message: "The server did not answer; this order was not changed." })));
      }
      setDone(Math.min(i + CHUNK, selected.length));
    }
    setLines(report);
    await finish();
    router.refresh();
  }

  const close = () => {
    if (running) return;
    const ran = lines !== undefined;
    setTo(undefined);
    setDone(undefined);
    setLines(undefined);
    onClose(ran);
  };

  return (
    <>
      {open && <span hidden data-live-hold />}
      <Dialog open={open} title={lines ? "Bulk change finished" : `Change status of ${selected.length} orders`} onClose={close}>
        {lines ? (
          <div className="space-y-4">
            <BulkReport lines={lines} />
            <div className="flex justify-end">
              <Button onClick={close}>Close</Button>
            </div>
          </div>
        ) : running ? (
          <div className="space-y-2">
            <label htmlFor={`${id}-progress`} className="block text-sm text-slate-700">
              Changing orders: {done} of {selected.length}
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
                New status
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
                <option value="">Choose a status…</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <ChangeDetailsFields value={details} onChange={setDetails} templates={templates.filter((t) => t.statusId === null || t.statusId === to)} />
            <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {target
                ? `This tries to move ${selected.length} orders to ${target.name}. Orders the process does not allow are skipped and listed at the end.`
                : "Choose the new status."}
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!target}>
                Change {selected.length} orders
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
