"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { CommentTemplateSelect } from "./comment-template-select";

export type CommentTemplateChoice = { id: number; statusId: number | null; title: string; body: string };

export type ChangeDetailsValue = { comment: string; customerVisible: boolean; notifyEmail: boolean; notifySms: boolean };

/** Defaults for a change into a status: send what the status is set up to send. */
export function defaultDetails(status: { notifyCustomerEmail: boolean; notifyCustomerSms: boolean }): ChangeDetailsValue {
  return { comment: "", customerVisible: false, notifyEmail: status.notifyCustomerEmail, notifySms: status.notifyCustomerSms };
}

/**
 * Comment (typed, or started from a template), its visibility and the notification toggles:
 * the same controls on the board's drop dialog, the bulk change and the scan screen.
 */
export function ChangeDetailsFields({
  value,
  onChange,
  templates,
}: {
  value: ChangeDetailsValue;
  onChange: (value: ChangeDetailsValue) => void;
  templates: CommentTemplateChoice[];
}) {
  const t = useTranslations("order.change");
  const id = useId();
  return (
    <div className="space-y-3">
      {templates.length > 0 && (
        <CommentTemplateSelect id={`${id}-template`} templates={templates} onPick={(body) => onChange({ ...value, comment: body })} />
      )}
      <div>
        <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-700">
          {t("comment")} <span className="font-normal text-slate-500">{t("optional")}</span>
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={5000}
          value={value.comment}
          onChange={(e) => onChange({ ...value, comment: e.target.value })}
          // Enter adds a line to the comment; Ctrl+Enter (⌘+Enter) confirms the change from here.
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          aria-describedby={`${id}-comment-hint`}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <p id={`${id}-comment-hint`} className="mt-1 text-xs text-slate-500">
          {t("commentSubmitHint")}
        </p>
      </div>
      <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={value.customerVisible} onChange={(e) => onChange({ ...value, customerVisible: e.target.checked })} />
          {t("visibleToCustomer")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={value.notifyEmail} onChange={(e) => onChange({ ...value, notifyEmail: e.target.checked })} />
          {t("sendEmail")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={value.notifySms} onChange={(e) => onChange({ ...value, notifySms: e.target.checked })} />
          {t("sendSms")}
        </label>
      </div>
    </div>
  );
}
