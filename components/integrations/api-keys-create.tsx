"use client";

import { useActionState, useState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { CopyLink } from "@/components/orders/copy-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CreateApiKeyState } from "./api-keys-types";

const SCOPES = [
  { value: "read", label: "read: statuses, order types, orders, history, workflow" },
  { value: "write", label: "write: also create orders, change statuses, payments, tracking" },
  { value: "admin", label: "admin: also replace the workflow (PUT /workflow)" },
] as const;

type Props = { action: (state: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState> };

/** Name and scope in, the secret out: shown once, with a copy button, until dismissed. */
export function ApiKeysCreate({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [dismissed, setDismissed] = useState<string>();
  const errors = state.fieldErrors ?? {};
  const secret = state.secret && state.secret !== dismissed ? state.secret : undefined;

  if (secret) {
    return (
      <div className="space-y-3 rounded-md border border-green-200 bg-green-50 p-4">
        <p className="text-sm font-semibold text-green-900">{state.message}</p>
        <CopyLink url={secret} label="New API key" noun="key" />
        <p className="text-sm text-green-900">
          Copy it now and keep it somewhere safe: <strong>you won&apos;t see it again</strong>. Only a fingerprint is stored; a lost key
          can only be revoked and replaced.
        </p>
        <Button variant="secondary" onClick={() => setDismissed(secret)}>
          Done, I have copied it
        </Button>
      </div>
    );
  }

  return (
    <form action={formAction} className="grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end" noValidate>
      {state.ok === false && state.message && (
        <Alert tone="error" className="md:col-span-3">
          {state.message}
        </Alert>
      )}
      <Field label="Name" hint="The order history shows changes made with the key under this name." errors={errors.name}>
        {(field) => <input {...field} name="name" placeholder="e.g. ERP Comarch" maxLength={100} className={inputClasses} />}
      </Field>
      <Field label="Scope" hint="What the key may read and change." errors={errors.scope}>
        {(field) => (
          <select {...field} name="scope" defaultValue="write" className={inputClasses}>
            {SCOPES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="pb-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
