"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

export function PaymentForm({
  orderId,
  amountDue,
  action,
}: {
  orderId: number;
  /** Prefilled amount, already formatted as the person would type it ("123.45"). */
  amountDue: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const amountError = state.fieldErrors?.amount;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-slate-700">Amount</span>
          <input
            name="amount"
            inputMode="decimal"
            defaultValue={amountDue}
            aria-invalid={amountError ? true : undefined}
            className="w-32 rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">Reference</span>
          <input name="reference" placeholder="e.g. bank transfer title" className="w-48 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Recording…" : "Record payment"}
        </Button>
      </div>
      {amountError && <p className="text-sm text-red-700">{amountError.join(" ")}</p>}
    </form>
  );
}
