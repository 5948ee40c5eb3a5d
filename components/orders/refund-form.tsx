"use client";

import { withFormOnly, fieldErrorsIn, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { REFUND_METHODS } from "@/lib/returns/refund-methods";
import { AmountField } from "./amount-field";
import { useFieldErrorText } from "./use-field-error-text";

/** Records money sent back on a return or complaint (ADR 0162); the amount left is prefilled. */
export function RefundForm({ orderId, amountLeft, refundedText, action }: { orderId: number; amountLeft: string; refundedText: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("order.refund");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const amountError = fieldErrorText(fieldErrorsIn(state).amount);
  return (
    <form action={formAction} className="space-y-3" data-testid="refund-form">
      <input type="hidden" name="orderId" value={orderId} />
      <p className="text-sm text-slate-700">{refundedText}</p>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <AmountField label={t("amount")} defaultValue={amountLeft} invalid={Boolean(amountError)} />
        <label className="text-sm">
          <span className="block text-slate-700">{t("method")}</span>
          <select name="method" defaultValue="bank_transfer" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            {REFUND_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`methods.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">{t("reference")}</span>
          <input name="reference" placeholder={t("referencePlaceholder")} className="w-48 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("recording") : t("record")}
        </Button>
      </div>
      {amountError && <p className="text-sm text-red-700">{amountError}</p>}
    </form>
  );
}
