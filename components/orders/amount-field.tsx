/**
 * The amount of a payment or a refund, typed as the person writes money ("123,45"), prefilled and
 * marked invalid while the form's answer says so; `errorId` names the message that explains it.
 */
export function AmountField({ label, defaultValue, invalid, errorId }: { label: string; defaultValue: string; invalid: boolean; errorId?: string }) {
  return (
    <label className="text-sm">
      <span className="block text-slate-700">{label}</span>
      <input
        name="amount"
        inputMode="decimal"
        defaultValue={defaultValue}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid && errorId ? errorId : undefined}
        className="w-32 rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
      />
    </label>
  );
}
