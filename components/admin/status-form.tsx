"use client";

import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LOCALES } from "@/lib/i18n/locales";
import type { StudioAction } from "./board-types";
import { ColourField } from "./colour-field";
import { ExternalCodesField } from "./external-codes-field";
import { Field, inputClasses } from "./field";
import { NotificationFields } from "./notification-fields";
import { useAdminReplyText } from "./reply-text";
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
  const t = useTranslations("statuses.form");
  const common = useTranslations("common");
  const replyText = useAdminReplyText();
  const [v, setV] = useState(initial);
  const [state, setState] = useState<ActionReply<{ code: string }>>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof StatusFormValues>(key: K, value: StatusFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const setTranslation = (language: "pl" | "en", field: "name" | "customerLabel", value: string) =>
    setV((prev) => ({ ...prev, translations: { ...prev.translations, [language]: { ...prev.translations[language], [field]: value } } }));
  const errors = (path: string) => fieldErrorsIn(state)[path];
  // Errors for a list field (adminEmails.2) show on the list as a whole.
  const errorsUnder = (prefix: string) => {
    const all = Object.entries(fieldErrorsIn(state)).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
    return all.length ? all.flatMap(([, m]) => m) : undefined;
  };
  // The banner names each refused field by its label, never by its path.
  const labels: Record<string, string> = {
    name: t("name"),
    customerLabel: t("customerLabel"),
    ...Object.fromEntries(
      LOCALES.flatMap((l) => [
        [`translations.${l}.name`, t("nameIn", { language: common(`languageNames.${l}`) })],
        [`translations.${l}.customerLabel`, t("customerLabelIn", { language: common(`languageNames.${l}`) })],
      ]),
    ),
    description: t("description"),
    code: t("code"),
    groupId: t("group"),
    colour: t("colour"),
    requiresPayment: t("paymentGate"),
    allowCashOnDelivery: t("cod"),
    awaitsPayment: t("awaitsPayment"),
    showDocumentsOnTracking: t("documents"),
    allowsEditing: t("allowsEditing"),
    slaHours: t("sla"),
    externalCodes: t("externalCodes"),
    notifyCustomerEmail: t("emailCustomer"),
    notifyCustomerSms: t("smsCustomer"),
    notifyAdminEmail: t("emailStaff"),
    adminEmails: t("staffAddresses"),
    notifyChannels: t("channels"),
    commentTemplates: t("commentTemplates"),
  };

  function submit() {
    startTransition(async () => {
      const input = toStatusInput(v);
      const result = await save(statusId ? { id: statusId, status: input } : input);
      // The update action nests the status: strip the prefix so errors land on their fields.
      if (result.ok) {
        setState(result);
        // The saved page (fresh from the server, under a possibly new code) confirms the save.
        router.replace(`/admin/statuses/${encodeURIComponent(result.value.code)}?saved=1`);
        return;
      }
      const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsIn(result)).map(([k, m]) => [k.replace(/^status\./, ""), m]));
      setState({ ok: false, error: { ...result.error, fieldErrors } });
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
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state, { labels })}</Alert>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("identity")}>
          <div className="space-y-4">
            <Field label={t("name")} errors={errors("name")}>
              {(p) => <input {...p} value={v.name} onChange={(e) => set("name", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label={t("customerLabel")} hint={t("customerLabelHint")} errors={errors("customerLabel")}>
              {(p) => <input {...p} value={v.customerLabel} onChange={(e) => set("customerLabel", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label={t("description")} hint={t("descriptionHint")} errors={errors("description")}>
              {(p) => <textarea {...p} rows={3} value={v.description} onChange={(e) => set("description", e.target.value)} className={inputClasses} />}
            </Field>
            <Field label={t("code")} hint={t("codeHint")} errors={errors("code")}>
              {(p) => <input {...p} value={v.code} onChange={(e) => set("code", e.target.value)} className={`${inputClasses} font-mono`} />}
            </Field>
            <Field label={t("group")} errors={errors("groupId")}>
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
            <ColourField label={t("colour")} value={v.colour} onChange={(c) => set("colour", c)} errors={errors("colour")} preview={v.name} />
          </div>
        </Card>
        <Card title={t("translations")}>
          <div className="space-y-4">
            <p className="text-xs text-slate-500">{t("translationsHint")}</p>
            {LOCALES.map((language) => (
              <div key={language} className="grid gap-3 sm:grid-cols-2">
                <Field label={t("nameIn", { language: common(`languageNames.${language}`) })} errors={errors(`translations.${language}.name`)}>
                  {(p) => (
                    <input
                      {...p}
                      lang={language}
                      value={v.translations[language].name}
                      onChange={(e) => setTranslation(language, "name", e.target.value)}
                      className={inputClasses}
                    />
                  )}
                </Field>
                <Field
                  label={t("customerLabelIn", { language: common(`languageNames.${language}`) })}
                  errors={errors(`translations.${language}.customerLabel`)}
                >
                  {(p) => (
                    <input
                      {...p}
                      lang={language}
                      value={v.translations[language].customerLabel}
                      onChange={(e) => setTranslation(language, "customerLabel", e.target.value)}
                      className={inputClasses}
                    />
                  )}
                </Field>
              </div>
            ))}
          </div>
        </Card>
        <Card title={t("payment")}>
          <div className="space-y-4">
            <Check label={t("paymentGate")} hint={t("paymentGateHint")} checked={v.requiresPayment} onChange={(c) => set("requiresPayment", c)} />
            {v.requiresPayment && (
              <Check label={t("cod")} hint={t("codHint")} checked={v.allowCashOnDelivery} onChange={(c) => set("allowCashOnDelivery", c)} />
            )}
            {errors("allowCashOnDelivery") && <p className="text-sm text-red-700">{errors("allowCashOnDelivery")?.join(" ")}</p>}
            <Check label={t("awaitsPayment")} hint={t("awaitsPaymentHint")} checked={v.awaitsPayment} onChange={(c) => set("awaitsPayment", c)} />
            <Check
              label={t("documents")}
              hint={t("documentsHint")}
              checked={v.showDocumentsOnTracking}
              onChange={(c) => set("showDocumentsOnTracking", c)}
            />
            <Check label={t("allowsEditing")} hint={t("allowsEditingHint")} checked={v.allowsEditing} onChange={(c) => set("allowsEditing", c)} />
            <Field label={t("sla")} hint={t("slaHint")} errors={errors("slaHours")}>
              {(p) => <input {...p} inputMode="numeric" value={v.slaHours} onChange={(e) => set("slaHours", e.target.value)} className={`${inputClasses} w-32`} />}
            </Field>
            <ExternalCodesField
              pairs={v.externalCodes}
              onChange={(pairs) => set("externalCodes", pairs)}
              errorsAt={(i, f) => errors(`externalCodes.${i}.${f}`)}
            />
          </div>
        </Card>
        <Card title={t("notifications")}>
          <NotificationFields values={v} set={set} channels={channels} adminEmailErrors={errorsUnder("adminEmails")} />
          {statusId && (
            <Link href={`/admin/templates?status=${statusId}`} className="mt-3 inline-block text-sm text-blue-700 hover:underline">
              {t("editTexts")} →
            </Link>
          )}
        </Card>
        <Card title={t("commentTemplates")}>
          <TemplateList
            templates={v.commentTemplates}
            onChange={(list) => set("commentTemplates", list)}
            errorsAt={(i, f) => errors(`commentTemplates.${i}.${f}`)}
          />
        </Card>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? common("states.saving") : statusId ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
