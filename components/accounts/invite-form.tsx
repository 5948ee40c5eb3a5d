"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { withFormOnly, type FormAction } from "@/lib/action-result";
import { useAccountFieldErrors } from "./field-errors";

export type RoleChoice = { id: number; label: string };

/** Email, name and role in; the invitation goes out through the outbox. Fields stay filled after a refusal. */
export function InviteForm({ roles, defaultRoleId, action }: { roles: RoleChoice[]; defaultRoleId: number; action: FormAction<{ email: string }> }) {
  const [reply, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("accounts.invite");
  const replyText = useReplyText();
  const errorsOf = useAccountFieldErrors();
  const errors = errorsOf(reply);
  const [values, setValues] = useState({ email: "", name: "", roleId: String(defaultRoleId) });
  const [sentFor, setSentFor] = useState<typeof reply>(null);
  // After a success the form empties for the next person (once per reply).
  if (reply?.ok && reply !== sentFor) {
    setSentFor(reply);
    setValues((v) => ({ ...v, email: "", name: "" }));
  }
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <form action={formAction} className="grid gap-3 md:grid-cols-[1fr_1fr_12rem_auto] md:items-start" noValidate>
      {reply && (
        <Alert tone={reply.ok ? "success" : "error"} className="md:col-span-4">
          {reply.ok || !reply.error.fieldErrors ? replyText(reply) : replyText({ ok: false, error: { code: "validation_failed", message: "" } })}
        </Alert>
      )}
      <Field label={t("email")} errors={errors.email}>
        {(field) => <input {...field} name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} maxLength={254} className={inputClasses} />}
      </Field>
      <Field label={t("name")} errors={errors.name}>
        {(field) => <input {...field} name="name" autoComplete="off" value={values.name} onChange={set("name")} maxLength={100} className={inputClasses} />}
      </Field>
      <Field label={t("role")} errors={errors.roleId}>
        {(field) => (
          <select {...field} name="roleId" value={values.roleId} onChange={set("roleId")} className={inputClasses}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="md:pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
