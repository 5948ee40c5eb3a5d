"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldErrorsIn } from "@/lib/action-result";
import { signInAction } from "./actions";

export function LoginForm({ initialEmail = "" }: { initialEmail?: string }) {
  const [reply, formAction, pending] = useActionState(signInAction, null);
  // Controlled, because React resets a form after its action: a refused email stays to be fixed.
  const [email, setEmail] = useState(initialEmail);
  const t = useTranslations("auth");
  // Field errors show under their fields; any other refusal (wrong password, throttled) above
  // them, worded from its details: a throttled sign-in carries when the next try can work.
  const refused = reply && !reply.ok && !reply.error.fieldErrors ? reply.error : undefined;
  const retryAfter = refused?.details && "retryAfterSeconds" in refused.details ? Number(refused.details.retryAfterSeconds) : undefined;
  const refusal = refused && (retryAfter !== undefined ? t("throttled", { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }) : t("wrongCredentials"));
  const fieldErrors = fieldErrorsIn(reply);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {refusal && <Alert tone="error">{refusal}</Alert>}
      <Field label={t("email")} name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrors.email && [t("errors.email")]} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" errors={fieldErrors.password && [t("errors.password")]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}

function Field({
  label,
  name,
  errors,
  ...input
}: { label: string; name: string; errors?: string[] } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        required
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-blue-600 aria-invalid:border-red-600"
        {...input}
      />
      {errors && (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
