"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChangeDetailsFields, defaultDetails, type ChangeDetailsValue, type CommentTemplateChoice } from "@/components/orders/change-details-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { BoardCard, BoardStatus } from "./types";

/** Asked on a drop into a status that messages the customer or has comment templates. */
export function ChangeDialog({
  drop,
  templates,
  onConfirm,
  onCancel,
}: {
  drop: { card: BoardCard; to: BoardStatus } | undefined;
  templates: CommentTemplateChoice[];
  onConfirm: (details: ChangeDetailsValue) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("board.dialog");
  return (
    <Dialog open={drop !== undefined} title={drop ? t("title", { number: drop.card.number, to: drop.to.name }) : ""} onClose={onCancel}>
      {drop && (
        <ChangeForm
          key={`${drop.card.id}-${drop.to.id}`}
          to={drop.to}
          templates={templates.filter((t) => t.statusId === null || t.statusId === drop.to.id)}
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      )}
    </Dialog>
  );
}

function ChangeForm({
  to,
  templates,
  onConfirm,
  onCancel,
}: {
  to: BoardStatus;
  templates: CommentTemplateChoice[];
  onConfirm: (details: ChangeDetailsValue) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("board.dialog");
  const common = useTranslations("common.actions");
  const [details, setDetails] = useState(() => defaultDetails(to));
  const channels = to.notifyCustomerEmail && to.notifyCustomerSms ? "both" : to.notifyCustomerEmail ? "email" : to.notifyCustomerSms ? "sms" : "none";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(details);
      }}
      className="space-y-4"
    >
      <ChangeDetailsFields value={details} onChange={setDetails} templates={templates} />
      <p className="text-xs text-slate-500">{t("notifies", { channels, to: to.name })}</p>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          {common("cancel")}
        </Button>
        <Button type="submit">{t("confirm", { to: to.name })}</Button>
      </div>
    </form>
  );
}
