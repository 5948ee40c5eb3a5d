"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { fieldErrorsIn, withFormOnly, type ActionReply, type FormAction } from "@/lib/action-result";
import { useFieldErrorText } from "./use-field-error-text";

/**
 * A note on the order without changing its status: internal by default; visible to the customer
 * (their tracking page shows it) and then, when ticked, emailed to them. The fields keep what was
 * typed when the note is refused and empty once it is added.
 */
export function NoteForm({ orderId, hasEmail, action }: { orderId: number; hasEmail: boolean; action: FormAction }) {
  const t = useTranslations("notes");
  const tCommon = useTranslations("common");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const id = useId();
  const [text, setText] = useState("");
  const [visible, setVisible] = useState(false);
  const [email, setEmail] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: ActionReply, form: FormData) => {
    const reply = await withFormOnly(action)(previous, form);
    if (reply.ok) {
      setText("");
      setVisible(false);
      setEmail(false);
    }
    return reply;
  }, null);

  const errors = fieldErrorsIn(state);
  const textError = errors.text?.length ? (errors.text.includes("required") ? t("errors.required") : fieldErrorText(errors.text)) : undefined;
  const emailError = errors.emailCustomer?.length ? (errors.emailCustomer.includes("notVisible") ? t("errors.notVisible") : t("errors.noEmail")) : undefined;
  const canEmail = visible && hasEmail;

  return (
    <form action={formAction} className="space-y-3" aria-label={t("card")}>
      <input type="hidden" name="orderId" value={orderId} />
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <label className="block text-sm text-slate-700" htmlFor={`${id}-text`}>
        {t("text")}
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={textError ? true : undefined}
        aria-describedby={textError ? `${id}-text-error ${id}-hint` : `${id}-hint`}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("textHint")}
      </p>
      {textError && (
        <p id={`${id}-text-error`} className="text-sm text-red-700">
          {textError}
        </p>
      )}
      <fieldset className="space-y-1.5 text-sm">
        <legend className="sr-only">{t("visibility")}</legend>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="customerVisible"
            className="mt-0.5"
            checked={visible}
            onChange={(e) => {
              setVisible(e.target.checked);
              if (!e.target.checked) setEmail(false);
            }}
          />
          <span>{t("customerVisible")}</span>
        </label>
        <label className={`flex items-start gap-2 ${canEmail ? "" : "text-slate-500"}`}>
          <input
            type="checkbox"
            name="emailCustomer"
            className="mt-0.5"
            checked={canEmail && email}
            disabled={!canEmail}
            onChange={(e) => setEmail(e.target.checked)}
            aria-describedby={hasEmail ? undefined : `${id}-no-email`}
          />
          <span>{t("emailCustomer")}</span>
        </label>
        {!hasEmail && (
          <p id={`${id}-no-email`} className="pl-6 text-xs text-slate-600">
            {t("noEmail")}
          </p>
        )}
        {emailError && <p className="text-sm text-red-700">{emailError}</p>}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? tCommon("states.saving") : t("submit")}
      </Button>
    </form>
  );
}
