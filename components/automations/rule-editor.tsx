"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/action-state";
import { describeRule } from "@/lib/automation/describe";
import { ruleInputSchema } from "@/lib/automation/schemas";
import { ActionList, StatusSelect } from "./action-fields";
import { draftToInput, emptyDraft, type RuleDraft } from "./rule-draft";
import type { EditorOptions } from "./types";

const TRIGGERS: { value: RuleDraft["triggerType"]; label: string }[] = [
  { value: "order_created", label: "An order is created" },
  { value: "payment_recorded", label: "A payment is recorded" },
  { value: "status_entered", label: "An order enters a status" },
  { value: "tracking_updated", label: "Tracking details are updated" },
  { value: "time_in_status", label: "An order has been in a status for some time" },
];

const TEXT_CONDITIONS = [
  ["channels", "Sales channels", "e.g. shop, allegro"],
  ["paymentMethods", "Payment methods", "e.g. transfer, card, cod"],
  ["shippingMethods", "Shipping methods", "e.g. inpost_locker"],
  ["couriers", "Couriers", "e.g. inpost, dpd"],
  ["countries", "Shipping countries", "two-letter codes, e.g. PL, DE"],
] as const;

function CheckboxGroup({
  legend,
  items,
  value,
  onChange,
  errors,
}: {
  legend: string;
  items: { code: string; name: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto text-sm">
        {items.map((item) => (
          <label key={item.code} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={value.includes(item.code)}
              onChange={(e) => onChange(e.target.checked ? [...value, item.code] : value.filter((c) => c !== item.code))}
            />
            {item.name}
          </label>
        ))}
      </div>
      <p className="text-xs text-slate-500">None ticked: any.</p>
      {errors && <p className="text-sm text-red-700">{errors.join(" ")}</p>}
    </fieldset>
  );
}

/** Builds or edits a rule: trigger, conditions, actions, with the sentence it makes shown live. */
export function RuleEditor({
  ruleId,
  initial,
  options,
  save,
}: {
  ruleId?: number;
  initial?: RuleDraft;
  options: EditorOptions;
  save: (input: unknown) => Promise<ActionState>;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<RuleDraft>(initial ?? emptyDraft());
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = state.fieldErrors ?? {};

  const sentence = useMemo(() => {
    const parsed = ruleInputSchema.safeParse(draftToInput(draft));
    if (!parsed.success) return undefined;
    const statusNames = new Map(options.statuses.map((s) => [s.code, s.name]));
    const typeNames = new Map(options.orderTypes.map((t) => [t.code, t.name]));
    return describeRule(parsed.data, { status: (c) => statusNames.get(c) ?? c, orderType: (c) => typeNames.get(c) ?? c });
  }, [draft, options]);

  function submit() {
    startTransition(async () => {
      const rule = draftToInput(draft);
      const result = await save(ruleId ? { id: ruleId, rule } : { rule });
      setState(result);
      if (result.ok && !ruleId) router.push("/admin/automations");
    });
  }

  const needsStatus = draft.triggerType === "status_entered" || draft.triggerType === "time_in_status";
  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950" aria-live="polite">
        <span className="font-medium">This rule: </span>
        <span data-testid="rule-sentence">{sentence ?? "fill in the trigger and the actions to see what it does."}</span>
      </div>
      <Card title="Rule">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" errors={errors.name}>
            {(p) => <input {...p} className={inputClasses} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <label className="inline-flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            Enabled
          </label>
        </div>
      </Card>
      <Card title="When">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Trigger" errors={errors["trigger.type"] ?? errors.trigger}>
            {(p) => (
              <select {...p} className={inputClasses} value={draft.triggerType} onChange={(e) => set({ triggerType: e.target.value as RuleDraft["triggerType"] })}>
                {TRIGGERS.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {needsStatus && (
            <Field label="Status" errors={errors["trigger.statusCode"]}>
              {(p) => <StatusSelect props={p} value={draft.triggerStatus} onChange={(triggerStatus) => set({ triggerStatus })} statuses={options.statuses} />}
            </Field>
          )}
          {draft.triggerType === "time_in_status" && (
            <Field label="For at least (hours)" hint="168 hours = 7 days. Checked every minute." errors={errors["trigger.hours"]}>
              {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={draft.hours} onChange={(e) => set({ hours: e.target.value })} />}
            </Field>
          )}
        </div>
      </Card>
      <Card title="Only if (all must hold)">
        <div className="grid gap-4 lg:grid-cols-2">
          <CheckboxGroup legend="Order types" items={options.orderTypes} value={draft.orderTypes} onChange={(orderTypes) => set({ orderTypes })} errors={errors["conditions.orderTypes"]} />
          <CheckboxGroup legend="Current status" items={options.statuses} value={draft.statuses} onChange={(statuses) => set({ statuses })} errors={errors["conditions.statuses"]} />
          {TEXT_CONDITIONS.map(([key, label, hint]) => (
            <Field key={key} label={label} hint={`Comma-separated, ${hint}. Empty: any.`} errors={errors[`conditions.${key}`] ?? errors[`conditions.${key}.0`]}>
              {(p) => <input {...p} className={inputClasses} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />}
            </Field>
          ))}
          <div className="grid grid-cols-2 gap-3">
            <Field label="Total from" hint="e.g. 100.00" errors={errors["conditions.totalMin"]}>
              {(p) => <input {...p} inputMode="decimal" className={inputClasses} value={draft.totalMin} onChange={(e) => set({ totalMin: e.target.value })} />}
            </Field>
            <Field label="Total up to" errors={errors["conditions.totalMax"]}>
              {(p) => <input {...p} inputMode="decimal" className={inputClasses} value={draft.totalMax} onChange={(e) => set({ totalMax: e.target.value })} />}
            </Field>
          </div>
          <Field label="Payment" errors={errors["conditions.paid"]}>
            {(p) => (
              <select {...p} className={inputClasses} value={draft.paid} onChange={(e) => set({ paid: e.target.value as RuleDraft["paid"] })}>
                <option value="any">Paid or not</option>
                <option value="paid">Paid in full</option>
                <option value="unpaid">Not paid yet</option>
              </select>
            )}
          </Field>
        </div>
      </Card>
      <Card title="Then, in this order">
        <ActionList actions={draft.actions} errors={errors} options={options} onChange={(actions) => set({ actions })} />
      </Card>
      <div className="space-y-3">
        <div aria-live="polite">{state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}</div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : ruleId ? "Save rule" : "Create rule"}
        </Button>
      </div>
    </form>
  );
}
