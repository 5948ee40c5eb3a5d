"use client";

import { withFormOnly, fieldErrorsIn, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { useFieldErrorText } from "./use-field-error-text";
import { courierName } from "@/lib/courier-name";

/** Courier and tracking number; saving records a `tracking_updated` event. */
export function TrackingForm({
  orderId,
  version,
  courier,
  trackingNumber,
  couriers,
  action,
}: {
  orderId: number;
  version: number;
  courier: string | null;
  trackingNumber: string | null;
  couriers: string[];
  action: FormAction;
}) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const t = useTranslations("order.shipping");
  const tCommon = useTranslations("common");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const trackingError = fieldErrorText(fieldErrorsIn(state).trackingNumber);
  const courierError = fieldErrorText(fieldErrorsIn(state).courier);
  const options = courier && !couriers.includes(courier) ? [courier, ...couriers] : couriers;
  return (
    // Keyed by the order's version: after a save the page re-renders with the new values, and a
    // fresh form starts from them. React resets a form after its action; without the key it
    // would fall back to the first defaults and send "no courier" with the next save.
    <form key={version} action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <label className="block text-sm">
        <span className="block text-slate-700">{t("courier")}</span>
        <select name="courier" defaultValue={courier ?? ""} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">{t("noCourier")}</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {courierName(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="block text-slate-700">{t("trackingNumber")}</span>
        <input
          name="trackingNumber"
          defaultValue={trackingNumber ?? ""}
          aria-invalid={trackingError ? true : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600"
        />
      </label>
      {trackingError && <p className="text-sm text-red-700">{trackingError}</p>}
      {courierError && <p className="text-sm text-red-700">{courierError}</p>}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? tCommon("states.saving") : t("save")}
      </Button>
    </form>
  );
}
