"use client";

import { useTranslations } from "next-intl";
import { Field, inputClasses } from "./field";
import type { StatusFormValues } from "./status-form-values";

type Setter = <K extends keyof StatusFormValues>(key: K, value: StatusFormValues[K]) => void;

function Switch({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="font-medium text-slate-800">{label}</span>
    </label>
  );
}

export function NotificationFields({
  values: v,
  set,
  channels,
  adminEmailErrors,
}: {
  values: StatusFormValues;
  set: Setter;
  channels: string[];
  adminEmailErrors?: string[];
}) {
  const t = useTranslations("statuses.form");
  // Channels already chosen stay listed even if no order uses them any more.
  const options = [...new Set([...channels, ...v.notifyChannels])].sort();
  const toggleChannel = (channel: string, on: boolean) =>
    set("notifyChannels", on ? [...v.notifyChannels, channel] : v.notifyChannels.filter((c) => c !== channel));
  return (
    <div className="space-y-4">
      <Switch label={t("emailCustomer")} checked={v.notifyCustomerEmail} onChange={(c) => set("notifyCustomerEmail", c)} />
      <Switch label={t("smsCustomer")} checked={v.notifyCustomerSms} onChange={(c) => set("notifyCustomerSms", c)} />
      <Switch label={t("emailStaff")} checked={v.notifyAdminEmail} onChange={(c) => set("notifyAdminEmail", c)} />
      {v.notifyAdminEmail && (
        <Field label={t("staffAddresses")} hint={t("staffAddressesHint")} errors={adminEmailErrors}>
          {(p) => <input {...p} value={v.adminEmails} onChange={(e) => set("adminEmails", e.target.value)} className={inputClasses} />}
        </Field>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("channels")}</legend>
        <p className="text-xs text-slate-500">{t("channelsHint")}</p>
        {options.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noChannels")}</p>
        ) : (
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {options.map((c) => (
              <label key={c} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={v.notifyChannels.includes(c)} onChange={(e) => toggleChannel(c, e.target.checked)} />
                {c}
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </div>
  );
}
