"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { withFormOnly, type FormAction } from "@/lib/action-result";
import { useAccountFieldErrors } from "./field-errors";

export function NameForm({ name, action }: { name: string; action: FormAction<{ name: string }> }) {
  const [reply, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("accounts.account");
  const replyText = useReplyText();
  const errors = useAccountFieldErrors()(reply);
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      {reply && !(reply.ok === false && reply.error.fieldErrors) && <Alert tone={reply.ok ? "success" : "error"}>{replyText(reply)}</Alert>}
      <Field label={t("name")} errors={errors.name}>
        {(field) => <input {...field} name="name" autoComplete="name" defaultValue={name} maxLength={100} className={inputClasses} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveName")}
      </Button>
    </form>
  );
}
