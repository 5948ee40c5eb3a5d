"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { StudioAction, StudioResult } from "./board-types";
import { ColourField } from "./colour-field";
import { ExternalCodesField } from "./external-codes-field";
import { Field, inputClasses } from "./field";
import { NotificationFields } from "./notification-fields";
import { toStatusInput, type StatusFormValues } from "./status-form-values";
import { TemplateList } from "./template-list";

type Props = {
  initial: StatusFormValues;
  /** Absent: creating a new status. */
  statusId?: number;
  groups: { id: number; name: string }[];
  channels: string[];
  save: StudioAction<{ code: string }>;
};

function Check({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

export function StatusForm({ initial, statusId, groups, channels, save }: Props) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [state, setState] = useState<StudioResult<{ code: string }>>({});
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof StatusFormValues>(key: K, value: StatusFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const errors = (path: string) => state.fieldErrors?.[path];
  // Errors for a list field (adminEmails.2) show on the list as a whole.
  const errorsUnder = (prefix: string) => {
    const all = Object.entries(state.fieldErrors ?? {}).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
    return all.length ? all.flatMap(([, m]) => m) : undefined;
  };

  function submit() {
    startTransition(async () => {
      const input = toStatusInput(v);
      const result = await save(statusId ? { id: statusId, status: input } : input);
      // The update action nests the status: strip the prefix so errors land on their fields.
      const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, m]) => [k.replace(/^status\./, ""), m]));
      setState({ ...result, fieldErrors });
      // The saved page (fresh from the server, under a possibly new code) confirms the save.
      if (result.ok && result.data) router.replace(`/admin/statuses/${encodeURIComponent(result.data.code)}?saved=1`);
    });
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="space-y-6"
    >
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Identity">
          <div className="space-y-4">
            <Field label="Name" errors={errors("name")}>
              {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label="Customer label" hint="What customers see. Leave empty to hide this status from them." errors={errors("customerLabel")}>
              {(p) => <input {...p} value={v.customerLabel} onChange={(e) => set("customerLabel", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label="Description" hint="For staff: when to use this status." errors={errors("description")}>
              {(p) => <textarea {...p} rows={3} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label="Code" hint="The external ID an ERP uses: letters, digits, _ . -; unique." errors={errors("code")}>
              {(p) => <input {...p} value={v.code} onChange={(e) => set("code", e.target.value)} className={`${inputClasses} font-mono`} />}
            </Field>
            <Field label="Group" errors={errors("groupId")}>
              {(p) => (
                <select {...p} value={v.groupId} onChange={(e) => set("groupId", Number(e.target.value))} className={inputClasses}>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ColourField label="Colour" value={v.colour} onChange={(c) => set("colour", c)} errors={errors("colour")} preview={v.name} />
          </div>
        </Card>
        <Card title="Payment and timing">
          <div className="space-y-4">
            <Check
              label="Payment gate"
              hint="An unpaid order cannot enter this status."
              checked={v.requiresPayment}
              onChange={(c) => set("requiresPayment", c)}
            />
            {v.requiresPayment && (
              <Check label="Cash on delivery may pass" hint="COD orders pay the courier, so they may enter unpaid." checked={v.allowCashOnDelivery} onChange={(c) => set("allowCashOnDelivery", c)} />
            )}
            {errors("allowCashOnDelivery") && <p className="text-sm text-red-700">{errors("allowCashOnDelivery")?.join(" ")}</p>}
            <Check label="Asks the customer to pay" hint="e.g. Awaiting payment; the lint checks closed orders never lead here." checked={v.awaitsPayment} onChange={(c) => set("awaitsPayment", c)} />
            <Check
              label="Customers can download documents on the tracking page"
              hint="While an order is in this status, its pro-formas and invoices are listed for download."
              checked={v.showDocumentsOnTracking}
              onChange={(c) => set("showDocumentsOnTracking", c)}
            />
            <Field label="SLA hours" hint="Hours an order may wait here before it counts as late. Empty: no limit." errors={errors("slaHours")}>
              {(p) => <input {...p} inputMode="numeric" value={v.slaHours} onChange={(e) => set("slaHours", e.target.value)} className={`${inputClasses} w-32`} />}
            </Field>
            <ExternalCodesField
              pairs={v.externalCodes}
              onChange={(pairs) => set("externalCodes", pairs)}
              errorsAt={(i, f) => errors(`externalCodes.${i}.${f}`)}
            />
          </div>
        </Card>
        <Card title="Notifications">
          <NotificationFields values={v} set={set} channels={channels} adminEmailErrors={errorsUnder("adminEmails")} />
          {statusId && (
            <Link href={`/admin/templates?status=${statusId}`} className="mt-3 inline-block text-sm text-blue-700 hover:underline">
              Edit this status&apos;s email and SMS texts →
            </Link>
          )}
        </Card>
        <Card title="Comment templates">
          <TemplateList
            templates={v.commentTemplates}
            onChange={(t) => set("commentTemplates", t)}
            errorsAt={(i, f) => errors(`commentTemplates.${i}.${f}`)}
          />
        </Card>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : statusId ? "Save status" : "Create status"}
        </Button>
      </div>
    </form>
  );
}
