"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

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
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const options = courier && !couriers.includes(courier) ? [courier, ...couriers] : couriers;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <label className="block text-sm">
        <span className="block text-slate-700">Courier</span>
        <select name="courier" defaultValue={courier ?? ""} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">No courier</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="block text-slate-700">Tracking number</span>
        <input
          name="trackingNumber"
          defaultValue={trackingNumber ?? ""}
          aria-invalid={state.fieldErrors?.trackingNumber ? true : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600"
        />
      </label>
      {state.fieldErrors?.trackingNumber && <p className="text-sm text-red-700">{state.fieldErrors.trackingNumber.join(" ")}</p>}
      {state.fieldErrors?.courier && <p className="text-sm text-red-700">{state.fieldErrors.courier.join(" ")}</p>}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save tracking"}
      </Button>
    </form>
  );
}
