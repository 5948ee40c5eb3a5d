"use client";

import { withFormOnly, fieldErrorsIn, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import type { ShippingAddress } from "@/db/schema";
import { useFieldErrorText } from "./use-field-error-text";

type Values = { name: string; email: string | null; phone: string | null; address: ShippingAddress | null };

/**
 * The customer and shipping address of an order whose status allows editing; saving records an
 * `order_edited` history entry with what changed. Errors come by the edit's own field paths.
 */
export function CustomerEditForm({ orderId, version, initial, action }: { orderId: number; version: number; initial: Values; action: FormAction }) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("order");
  const tCommon = useTranslations("common");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const id = useId();
  const errors = fieldErrorsIn(state);
  const fields = [
    { name: "name", path: "customer.name", label: t("customer.name"), value: initial.name, autoComplete: "name" },
    { name: "email", path: "customer.email", label: t("customer.email"), value: initial.email ?? "", autoComplete: "email", type: "email" },
    { name: "phone", path: "customer.phone", label: t("customer.phone"), value: initial.phone ?? "", autoComplete: "tel", type: "tel" },
    { name: "addressName", path: "shippingAddress.name", label: t("edit.addressName"), value: initial.address?.name ?? "" },
    { name: "street", path: "shippingAddress.street", label: t("edit.street"), value: initial.address?.street ?? "" },
    { name: "postalCode", path: "shippingAddress.postalCode", label: t("edit.postalCode"), value: initial.address?.postalCode ?? "" },
    { name: "city", path: "shippingAddress.city", label: t("edit.city"), value: initial.address?.city ?? "" },
    { name: "country", path: "shippingAddress.country", label: t("edit.country"), value: initial.address?.country ?? "" },
  ];
  return (
    // Stays open once the person has saved, so the answer (success or why not) is in view.
    <details className="mt-4 text-sm" open={state !== null}>
      <summary className="cursor-pointer font-medium text-blue-700">{t("edit.open")}</summary>
      {/* Keyed by the version, like the tracking form: after a save a fresh form starts from the stored values. */}
      <form key={version} action={formAction} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="expectedVersion" value={version} />
        {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
        <p className="text-xs text-slate-500">{t("edit.hint")}</p>
        {fields.map((field) => {
          const error = fieldErrorText(errors[field.path] ?? (field.path.startsWith("shippingAddress") ? errors.shippingAddress : undefined));
          const errorId = `${id}-${field.name}-error`;
          return (
            <div key={field.name}>
              <label className="block">
                <span className="block text-slate-700">{field.label}</span>
                <input
                  name={field.name}
                  type={field.type ?? "text"}
                  defaultValue={field.value}
                  autoComplete={field.autoComplete ?? "off"}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
                />
              </label>
              {/* Beside the label, not in it: the field's name stays its label alone. */}
              {error && (
                <p id={errorId} className="mt-1 text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? tCommon("states.saving") : t("edit.save")}
        </Button>
      </form>
    </details>
  );
}
