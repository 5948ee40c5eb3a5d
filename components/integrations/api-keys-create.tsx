"use client";

import { withFormOnly, fieldErrorsIn, messageOf, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { CopyLink } from "@/components/orders/copy-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";

const SCOPES = ["read", "write", "admin"] as const;

type Props = { action: FormAction<{ secret: string }> };

/** Name and scope in, the secret out: shown once, with a copy button, until dismissed. */
export function ApiKeysCreate({ action }: Props) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const [dismissed, setDismissed] = useState<string>();
  const t = useTranslations("integrations.keys");
  const replyText = useReplyText();
  // The server's field errors are English zod messages: each field is worded from the catalogue.
  const refused = fieldErrorsIn(state);
  const errors = {
    name: refused.name && [t("errors.name")],
    scope: refused.scope && [t("errors.scope")],
  };
  const secret = state?.ok && state.value.secret !== dismissed ? state.value.secret : undefined;

  if (secret) {
    return (
      <div className="space-y-3 rounded-md border border-green-200 bg-green-50 p-4">
        <p className="text-sm font-semibold text-green-900">{messageOf(state)}</p>
        <CopyLink url={secret} label={t("newKey")} noun={t("keyNoun")} />
        <p className="text-sm text-green-900">{t.rich("copyNow", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <Button variant="secondary" onClick={() => setDismissed(secret)}>
          {t("copied")}
        </Button>
      </div>
    );
  }

  return (
    <form action={formAction} className="grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end" noValidate>
      {state?.ok === false && (
        <Alert tone="error" className="md:col-span-3">
          {replyText(state)}
        </Alert>
      )}
      <Field label={t("name")} hint={t("nameHint")} errors={errors.name}>
        {(field) => <input {...field} name="name" placeholder={t("namePlaceholder")} maxLength={100} className={inputClasses} />}
      </Field>
      <Field label={t("scope")} hint={t("scopeHint")} errors={errors.scope}>
        {(field) => (
          <select {...field} name="scope" defaultValue="write" className={inputClasses}>
            {SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`scopes.${scope}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="pb-5">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
