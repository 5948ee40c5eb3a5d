"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { withFormOnly, type FormAction } from "@/lib/action-result";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/accounts/rules";
import { useAccountFieldErrors } from "./field-errors";

/** Current password, then the new one twice; the other browsers signed in as this person are signed out. */
export function PasswordChangeForm({ action }: { action: FormAction<{ sessionsEnded: number }> }) {
  const [reply, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("accounts.account");
  const replyText = useReplyText();
  const errors = useAccountFieldErrors()(reply);
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      {reply && !(reply.ok === false && reply.error.fieldErrors) && <Alert tone={reply.ok ? "success" : "error"}>{replyText(reply)}</Alert>}
      <Field label={t("currentPassword")} errors={errors.currentPassword}>
        {(field) => <input {...field} name="currentPassword" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} className={inputClasses} />}
      </Field>
      <Field label={t("newPassword")} hint={t("passwordHint")} errors={errors.password}>
        {(field) => <input {...field} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} className={inputClasses} />}
      </Field>
      <Field label={t("confirmPassword")} errors={errors.confirm}>
        {(field) => <input {...field} name="confirm" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} className={inputClasses} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("savePassword")}
      </Button>
    </form>
  );
}
