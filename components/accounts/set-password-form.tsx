"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { withFormOnly, type FormAction } from "@/lib/action-result";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/accounts/rules";
import { useAccountFieldErrors } from "./field-errors";

/** The new password twice, with the rules shown; after it is set, the way to sign in. */
export function SetPasswordForm({ token, action }: { token: string; action: FormAction<{ email: string }> }) {
  const [reply, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("accounts.password");
  const errors = useAccountFieldErrors()(reply);

  if (reply?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done")}</Alert>
        <Link href={`/login?email=${encodeURIComponent(reply.value.email)}`} className={buttonClasses("primary", "w-full")}>
          {t("signIn")}
        </Link>
      </div>
    );
  }
  // Any refusal that is not about a field: the link stopped working since the page opened.
  const gone = reply && !reply.ok && !reply.error.fieldErrors;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {gone && (
        <Alert tone="error">
          {t("linkGone")}{" "}
          <Link href="/forgot-password" className="underline">
            {t("forgot")}
          </Link>
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <Field label={t("password")} hint={t("rules")} errors={errors.password}>
        {(field) => <input {...field} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} required className={inputClasses} />}
      </Field>
      <Field label={t("confirm")} errors={errors.confirm}>
        {(field) => <input {...field} name="confirm" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} required className={inputClasses} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
