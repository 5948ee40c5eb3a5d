"use client";

import { useTranslations } from "next-intl";

export type NotifyChoice = { email: boolean; sms: boolean };

/**
 * "Send email / Send SMS" for a quick status change (the list's inline menu, the scan station):
 * the status's notifications go out unless a person unticks them for this change.
 */
export function NotifyCheckboxes({
  value,
  onChange,
  className,
  labelClassName,
}: {
  value: NotifyChoice;
  onChange: (next: NotifyChoice) => void;
  className: string;
  labelClassName: string;
}) {
  const t = useTranslations("order.change");
  return (
    <fieldset className={className}>
      <legend className="sr-only">{t("notifications")}</legend>
      <label className={labelClassName}>
        <input type="checkbox" checked={value.email} onChange={(e) => onChange({ ...value, email: e.target.checked })} /> {t("sendEmail")}
      </label>
      <label className={labelClassName}>
        <input type="checkbox" checked={value.sms} onChange={(e) => onChange({ ...value, sms: e.target.checked })} /> {t("sendSms")}
      </label>
    </fieldset>
  );
}
