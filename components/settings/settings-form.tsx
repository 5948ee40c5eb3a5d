"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, type InputHTMLAttributes } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Settings } from "@/db/schema";
import { withFormOnly, fieldErrorsIn, type ActionReply, type FormAction } from "@/lib/action-result";
import { listIn } from "@/lib/i18n/lint-text";
import { refusalText } from "@/lib/i18n/refusal-text";
import { CourierLinksField } from "./courier-links-field";
import { refusedFieldLabels, settingsErrorText } from "./field-errors";
import { LogoField } from "./logo-field";
import type { TimeZoneOption } from "@/lib/time-zones";

type Props = { settings: Settings; action: FormAction; timeZones: TimeZoneOption[] };

type FieldName = keyof Settings;
type HintedField = "appUrl" | "supportEmail" | "senderEmail" | "bankAccount" | "sellerName" | "sellerTaxId" | "messageHoldSeconds" | "duplicateWindowHours";
type LabelledField =
  | "shopName"
  | "appUrl"
  | "supportEmail"
  | "supportPhone"
  | "senderEmail"
  | "bankAccount"
  | "sellerName"
  | "sellerTaxId"
  | "smsPriceDomestic"
  | "smsPriceForeign"
  | "messageHoldSeconds"
  | "duplicateWindowHours";

const selectClasses = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600";

export function SettingsForm({ settings, action, timeZones }: Props) {
  const t = useTranslations("settings");
  const common = useTranslations("common");
  const locale = useLocale();
  const refusals = useTranslations("refusals");
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  const errors = fieldErrorsIn(state);
  const say = (codes: string[]) => codes.map((code) => settingsErrorText(t, code)).join(" ");
  const describedBy = (name: FieldName, hint?: boolean) => [errors[name] && `${name}-error`, hint && `${name}-hint`].filter(Boolean).join(" ") || undefined;
  const problem = (name: FieldName) =>
    errors[name] && (
      <p id={`${name}-error`} className="text-sm text-red-700">
        {say(errors[name])}
      </p>
    );
  const field = (name: LabelledField, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: HintedField) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {t(`fields.${name}`)}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={String(settings[name] ?? "")}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint))}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
        {...props}
      />
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {t(`hints.${hint}`)}
        </p>
      )}
      {problem(name)}
    </div>
  );
  const languageSelect = (name: "defaultLocale" | "staffLocale", hint?: "staffLocale") => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {t(`fields.${name}`)}
      </label>
      <select id={name} name={name} defaultValue={settings[name]} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(name, Boolean(hint))} className={selectClasses}>
        <option value="pl">{common("languageNames.pl")}</option>
        <option value="en">{common("languageNames.en")}</option>
      </select>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {t(`hints.${hint}`)}
        </p>
      )}
      {problem(name)}
    </div>
  );
  // A zone saved where the server knew it and no longer does stays chosen, under its own name.
  const zones = timeZones.some((zone) => zone.value === settings.timeZone) ? timeZones : [{ value: settings.timeZone, label: settings.timeZone }, ...timeZones];

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.shop")}</h2>
        {field("shopName", { required: true })}
        <div className="space-y-1">
          <label htmlFor="brandColour" className="block text-sm font-medium text-slate-700">
            {t("fields.brandColour")}
          </label>
          <div className="flex gap-2">
            <input
              id="brandColour"
              name="brandColour"
              defaultValue={settings.brandColour}
              aria-invalid={errors.brandColour ? true : undefined}
              aria-describedby={describedBy("brandColour")}
              className="w-32 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600"
            />
            <span className="h-9 w-9 rounded border border-slate-300" style={{ backgroundColor: settings.brandColour }} aria-hidden="true" />
          </div>
          {problem("brandColour")}
        </div>
        <div className="md:col-span-2">
          <LogoField initial={settings.logoDataUrl} errors={errors.logoDataUrl} />
        </div>
        {languageSelect("defaultLocale")}
        {field("appUrl", { type: "url", required: true }, "appUrl")}
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.language")}</h2>
        {languageSelect("staffLocale", "staffLocale")}
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block text-sm font-medium text-slate-700">
            {t("fields.timeZone")}
          </label>
          <select id="timeZone" name="timeZone" defaultValue={settings.timeZone} aria-invalid={errors.timeZone ? true : undefined} aria-describedby={describedBy("timeZone", true)} className={selectClasses}>
            {zones.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </select>
          <p id="timeZone-hint" className="text-xs text-slate-600">
            {t("hints.timeZone")}
          </p>
          {problem("timeZone")}
        </div>
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.contact")}</h2>
        {field("supportEmail", { type: "email" }, "supportEmail")}
        {field("supportPhone", { type: "tel" })}
        {field("senderEmail", { type: "email" }, "senderEmail")}
        {field("bankAccount", {}, "bankAccount")}
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.seller")}</h2>
        {field("sellerName", { autoComplete: "organization" }, "sellerName")}
        {field("sellerTaxId", { inputMode: "text" }, "sellerTaxId")}
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="sellerAddress" className="block text-sm font-medium text-slate-700">
            {t("fields.sellerAddress")}
          </label>
          <textarea
            id="sellerAddress"
            name="sellerAddress"
            rows={3}
            defaultValue={settings.sellerAddress ?? ""}
            aria-invalid={errors.sellerAddress ? true : undefined}
            aria-describedby={describedBy("sellerAddress", true)}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
          <p id="sellerAddress-hint" className="text-xs text-slate-600">
            {t("hints.sellerAddress")}
          </p>
          {problem("sellerAddress")}
        </div>
        <p className="text-xs text-slate-600 md:col-span-2">{t("hints.sellerNote")}</p>
      </section>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.messages")}</h2>
        {field("messageHoldSeconds", { type: "number", step: 1, min: 0, max: 600 }, "messageHoldSeconds")}
        {field("duplicateWindowHours", { type: "number", step: 1, min: 0, max: 720 }, "duplicateWindowHours")}
      </section>

      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-800 md:col-span-2">{t("sections.sms")}</h2>
        {field("smsPriceDomestic", { type: "number", step: "0.01", min: 0, defaultValue: (settings.smsPriceDomestic / 100).toFixed(2) })}
        {field("smsPriceForeign", { type: "number", step: "0.01", min: 0, defaultValue: (settings.smsPriceForeign / 100).toFixed(2) })}
        <div className="flex items-start gap-2 md:col-span-2">
          <input
            id="smsTransliterate"
            name="smsTransliterate"
            type="checkbox"
            defaultChecked={settings.smsTransliterate}
            aria-describedby="smsTransliterate-hint"
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          <div>
            <label htmlFor="smsTransliterate" className="text-sm font-medium text-slate-700">
              {t("fields.smsTransliterate")}
            </label>
            <p id="smsTransliterate-hint" className="text-xs text-slate-600">
              {t("hints.smsTransliterate")}
            </p>
          </div>
        </div>
        <div className="md:col-span-2">
          <CourierLinksField initial={settings.courierTrackingLinks} errors={errors} />
        </div>
      </section>
      <Button type="submit" disabled={pending}>
        {pending ? common("states.saving") : t("save")}
      </Button>
    </form>
  );

  /** A success in the caller's language (worded by the action); a refusal by its code and the fields' labels. */
  function replyText(reply: NonNullable<ActionReply>): string {
    if (reply.ok) return reply.message;
    const labels = refusedFieldLabels(t, reply.error);
    if (reply.error.code === "validation_failed" && labels.length) return common("errors.checkFields", { fields: listIn(locale)(labels) });
    return refusalText(refusals, reply.error);
  }
}
