"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { readableTextColour } from "@/lib/format";
import type { ActionResult } from "@/lib/action-result";
import { refusalText } from "@/lib/i18n/refusal-text";
import { describeTargets } from "@/lib/workflow";
import type { ListWorkflow, OrderListRow } from "./types";
import { NotifyCheckboxes, type NotifyChoice } from "@/components/orders/notify-checkboxes";
import type { PreviewChange } from "./change-effects";
import { InlineConfirm } from "./inline-confirm";

export type InlineChange = (input: { orderId: number; to: number; expectedVersion: number; notifyEmail: boolean; notifySms: boolean }) => Promise<ActionResult>;

/**
 * A row's status menu: only the targets the matrix allows (a payment-gated one shown disabled
 * with why), with the email and SMS toggles. Choosing a target asks to confirm first, showing what
 * the change will do (`InlineConfirm`); the server decides again.
 */
export function InlineStatusMenu({
  row,
  workflow,
  change,
  preview,
}: {
  row: OrderListRow;
  workflow: ListWorkflow;
  change: InlineChange;
  preview: PreviewChange;
}) {
  const [open, setOpen] = useState(false);
  // The target chosen from the menu, waiting for the person's confirmation.
  const [confirming, setConfirming] = useState<{ id: number; name: string }>();
  const trigger = useRef<HTMLButtonElement>(null);
  // A cancelled confirmation gives the focus back to the row's button, once the modal (which makes
  // the rest of the page inert while it is open) has gone.
  const backToRow = useRef(false);
  useEffect(() => {
    if (confirming || !backToRow.current) return;
    backToRow.current = false;
    trigger.current?.focus();
  }, [confirming]);
  const [notify, setNotify] = useState<NotifyChoice>({ email: true, sms: true });
  const t = useTranslations("orders.inline");
  const refusals = useTranslations("refusals");
  const [reply, setReply] = useState<{ result: ActionResult; targetName: string }>();
  const [pending, startTransition] = useTransition();
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const definition = workflow.definitions[row.orderTypeId];
  const targets = definition
    ? describeTargets(definition, { statusId: row.status.id, paid: row.paidAt !== null, paymentMethod: row.paymentMethod }).filter(
        ({ verdict }) => verdict.ok || verdict.code === "guard_failed",
      )
    : [];

  const choose = (to: { id: number; name: string }) => {
    setOpen(false);
    setConfirming(to);
  };
  const cancel = () => {
    backToRow.current = true;
    setConfirming(undefined);
  };
  const apply = (to: { id: number; name: string }) => {
    setConfirming(undefined);
    startTransition(async () => {
      const result = await change({ orderId: row.id, to: to.id, expectedVersion: row.version, notifyEmail: notify.email, notifySms: notify.sms });
      setReply({ result, targetName: to.name });
    });
  };

  return (
    <div ref={ref} className="relative inline-block text-left">
      <button
        ref={trigger}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t("label", { status: row.status.name, number: row.number })}
        disabled={pending || targets.length === 0}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap disabled:cursor-default"
        style={{ backgroundColor: row.status.colour, color: readableTextColour(row.status.colour) }}
      >
        {pending ? t("changing") : row.status.name}
        {targets.length > 0 && <span aria-hidden="true">{"▾"}</span>}
      </button>
      {reply && !reply.result.ok && (
        <p role="alert" className="mt-1 max-w-56 text-xs text-red-700">
          {/* From the refusal's code in the reader's language, never the server's English message. */}
          {refusalText(refusals, reply.result.error, { orderNumber: row.number, targetName: reply.targetName })}
        </p>
      )}
      {open && (
        <div id={menuId} className="absolute left-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <NotifyCheckboxes value={notify} onChange={setNotify} className="mb-2 flex gap-4 border-b border-slate-100 pb-2 text-xs text-slate-700" labelClassName="inline-flex items-center gap-1.5" />
          <ul role="menu" aria-label={t("menu", { number: row.number })} className="space-y-0.5">
            {targets.map(({ status, verdict }) => (
              <li key={status.id} role="none">
                <button
                  type="button"
                  role="menuitem"
                  disabled={!verdict.ok}
                  onClick={() => choose(status)}
                  className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent"
                >
                  {status.name}
                  {!verdict.ok && verdict.code === "guard_failed" && <span className="block text-xs text-amber-800">{refusals(`guardReasons.${verdict.reason}`)}</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirming && (
        <InlineConfirm
          row={row}
          to={confirming}
          notify={notify}
          onNotify={setNotify}
          preview={preview}
          onConfirm={() => apply(confirming)}
          onCancel={cancel}
        />
      )}
    </div>
  );
}
