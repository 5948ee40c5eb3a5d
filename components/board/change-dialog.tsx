"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChangeEffects, type PreviewChange } from "@/components/orders/change-effects";
import { ChangeDetailsFields, defaultDetails, type ChangeDetailsValue, type CommentTemplateChoice } from "@/components/orders/change-details-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { BoardCard, BoardStatus } from "./types";

/**
 * Asked on a drop into a status that messages the customer, sets off rules or has comment
 * templates: the comment, the toggles, and what the move will do before it is confirmed.
 */
export function ChangeDialog({
  drop,
  templates,
  preview,
  onConfirm,
  onCancel,
}: {
  drop: { card: BoardCard; to: BoardStatus } | undefined;
  templates: CommentTemplateChoice[];
  preview: PreviewChange;
  onConfirm: (details: ChangeDetailsValue) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("board.dialog");
  return (
    <Dialog open={drop !== undefined} title={drop ? t("title", { number: drop.card.number, to: drop.to.name }) : ""} onClose={onCancel}>
      {drop && (
        <ChangeForm
          key={`${drop.card.id}-${drop.to.id}`}
          card={drop.card}
          to={drop.to}
          preview={preview}
          templates={templates.filter((t) => t.statusId === null || t.statusId === drop.to.id)}
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      )}
    </Dialog>
  );
}

function ChangeForm({
  card,
  to,
  preview,
  templates,
  onConfirm,
  onCancel,
}: {
  card: BoardCard;
  to: BoardStatus;
  preview: PreviewChange;
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
      <ChangeEffects
        preview={preview}
        orderNumber={card.number}
        targetName={to.name}
        request={{ orderId: card.id, to: to.id, expectedVersion: card.version, notifyEmail: details.notifyEmail, notifySms: details.notifySms }}
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          {common("cancel")}
        </Button>
        <Button type="submit">{t("confirm", { to: to.name })}</Button>
      </div>
    </form>
  );
}
