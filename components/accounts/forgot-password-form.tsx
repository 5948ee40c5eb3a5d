"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { withFormOnly, type FormAction } from "@/lib/action-result";
import { useAccountFieldErrors } from "./field-errors";

/** One answer for every address: the page never says whether an account exists. */
export function ForgotPasswordForm({ action }: { action: FormAction<{ sent: string }> }) {
  const [reply, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("accounts.forgot");
  const errors = useAccountFieldErrors()(reply);
  if (reply?.ok) return <Alert tone="success">{t("sent")}</Alert>;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label={t("email")} errors={errors.email}>
        {(field) => <input {...field} name="email" type="email" autoComplete="username" maxLength={254} required className={inputClasses} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
