"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChangeEffects, type PreviewChange } from "./change-effects";
import { NotifyCheckboxes, type NotifyChoice } from "./notify-checkboxes";
import type { OrderListRow } from "./types";

/**
 * The list menu's confirmation: what moving the row's order to `to` will do, with the toggles that
 * change it, before the change is made. A modal (the menu sits in a scrolling table that would
 * clip it); the confirm button takes the focus, Escape or Cancel go back to the row.
 */
export function InlineConfirm({
  row,
  to,
  notify,
  onNotify,
  preview,
  onConfirm,
  onCancel,
}: {
  row: OrderListRow;
  to: { id: number; name: string };
  notify: NotifyChoice;
  onNotify: (next: NotifyChoice) => void;
  preview: PreviewChange;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("effects");
  const common = useTranslations("common.actions");
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // After the dialog has opened (its own effect runs after this one): the browser focuses its first field.
    const frame = requestAnimationFrame(() => confirm.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <>
      {/* The list does not refresh under an open confirmation. */}
      <span hidden data-live-hold />
      <Dialog open title={t("confirm.question", { number: row.number, to: to.name })} onClose={onCancel}>
      <div className="space-y-4">
        <NotifyCheckboxes value={notify} onChange={onNotify} className="flex gap-4 text-sm text-slate-700" labelClassName="inline-flex items-center gap-2" />
        <ChangeEffects
          preview={preview}
          orderNumber={row.number}
          targetName={to.name}
          request={{ orderId: row.id, to: to.id, expectedVersion: row.version, notifyEmail: notify.email, notifySms: notify.sms }}
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onCancel}>
            {common("cancel")}
          </Button>
          <button ref={confirm} type="button" onClick={onConfirm} className={buttonClasses()}>
            {t("confirm.move", { to: to.name })}
          </button>
        </div>
        </div>
      </Dialog>
    </>
  );
}
