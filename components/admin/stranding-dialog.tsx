"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { strandingIn, type ActionReply } from "@/lib/action-result";
import { listIn } from "@/lib/i18n/lint-text";
import { strandingMessage } from "@/lib/i18n/refusal-text";
import type { Stranding } from "@/lib/result";

type NameOf = (statusId: number) => string | undefined;

/** "24 orders in Shipped (Retail) would have no way forward.", in the reader's language. */
export function useStrandingText(nameOf?: NameOf): (stranding: Stranding) => string {
  const refusals = useTranslations("refusals");
  const locale = useLocale();
  return (stranding) => {
    const m = strandingMessage(stranding, { nameOf, list: listIn(locale) });
    return refusals(m.key, m.values as never);
  };
}

type Question = { stranding: Stranding; onConfirm: (count: number) => void; onCancel?: () => void };

/**
 * The question a workflow-studio screen asks when the server refused a write because it would
 * leave open orders with no way forward (`would_strand_orders`): a modal naming how many orders
 * and where, Cancel first (Escape cancels too), and "Save anyway" sending the write again with
 * the number the admin was shown. If that number is stale by then, the server refuses again and
 * the question comes back with the new one.
 */
export function useStrandingConfirmation({ nameOf }: { nameOf?: NameOf } = {}): {
  askIfStranding: (reply: ActionReply, onConfirm: (count: number) => void, onCancel?: () => void) => boolean;
  dialog: ReactNode;
} {
  const t = useTranslations("workflows.stranding");
  const common = useTranslations("common.actions");
  const text = useStrandingText(nameOf);
  const [question, setQuestion] = useState<Question>();

  function askIfStranding(reply: ActionReply, onConfirm: (count: number) => void, onCancel?: () => void): boolean {
    const stranding = strandingIn(reply);
    if (!stranding) return false;
    setQuestion({ stranding, onConfirm, onCancel });
    return true;
  }

  // The native dialog reports its closing too (after either button): only the first answer counts.
  function answer(confirmed: boolean) {
    if (!question) return;
    setQuestion(undefined);
    if (confirmed) question.onConfirm(question.stranding.total);
    else question.onCancel?.();
  }

  const dialog = (
    <Dialog open={question !== undefined} title={t("title")} onClose={() => answer(false)} describedBy="stranding-orders">
      {question && (
        <>
          <p id="stranding-orders" className="text-sm font-medium text-slate-900">
            {text(question.stranding)}
          </p>
          <p className="mt-2 text-sm text-slate-700">{t("explain")}</p>
          {/* Cancel comes first, so it is where the dialog puts focus: the safe answer is one key away. */}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => answer(false)}>
              {common("cancel")}
            </Button>
            <Button variant="danger" onClick={() => answer(true)}>
              {t("confirm")}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
  return { askIfStranding, dialog };
}
