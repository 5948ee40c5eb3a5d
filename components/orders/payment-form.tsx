"use client";

import { withFormOnly, fieldErrorsIn, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { AmountField } from "./amount-field";
import { useFieldErrorText } from "./use-field-error-text";

export function PaymentForm({
  orderId,
  amountDue,
  action,
}: {
  orderId: number;
  /** Prefilled amount, already formatted as the person would type it ("123.45", "123,45"). */
  amountDue: string;
  action: FormAction;
}) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("order.payment");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const amountError = fieldErrorText(fieldErrorsIn(state).amount);
  const referenceError = fieldErrorText(fieldErrorsIn(state).reference);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <AmountField label={t("amount")} defaultValue={amountDue} invalid={Boolean(amountError)} errorId={`amount-error-${orderId}`} />
        <label className="text-sm">
          <span className="block text-slate-700">{t("reference")}</span>
          <input
            name="reference"
            placeholder={t("referencePlaceholder")}
            aria-invalid={referenceError ? true : undefined}
            className="w-48 rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("recording") : t("record")}
        </Button>
      </div>
      {amountError && (
        <p id={`amount-error-${orderId}`} className="text-sm text-red-700">
          {amountError}
        </p>
      )}
      {referenceError && <p className="text-sm text-red-700">{referenceError}</p>}
    </form>
  );
}
