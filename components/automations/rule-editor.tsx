"use client";

import { fieldErrorsIn, type ActionReply, type ActionResult } from "@/lib/action-result";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useReplyText } from "@/components/ui/reply-text";
import { ruleInputSchema } from "@/lib/automation/schemas";
import { checkTemplate } from "@/lib/notifications/template";
import { PARCEL_EVENT_KINDS } from "@/lib/parcels/event-data";
import { ActionList, StatusSelect } from "./action-fields";
import { draftToInput, emptyDraft, type RuleDraft } from "./rule-draft";
import type { EditorOptions } from "./types";
import { describeRule, namesFrom, ruleFieldErrors } from "./words";

const TRIGGERS: RuleDraft["triggerType"][] = ["order_created", "payment_recorded", "status_entered", "tracking_updated", "time_in_status", "parcel_event"];

const TEXT_CONDITIONS = ["channels", "paymentMethods", "shippingMethods", "couriers", "countries"] as const;

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
  const t = useTranslations("automations.editor");
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
      <p className="text-xs text-slate-500">{t("noneTicked")}</p>
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
  save: (input: unknown) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const t = useTranslations("automations");
  const locale = useLocale();
  const tc = useTranslations("common");
  const tParcels = useTranslations("parcels");
  const replyText = useReplyText();
  const [draft, setDraft] = useState<RuleDraft>(initial ?? emptyDraft());
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // The server's field errors, worded in the reader's language by field (its zod messages are English).
  const errors = ruleFieldErrors(fieldErrorsIn(state), t, (index) => checkTemplate(draft.actions[index]?.body ?? ""));

  const sentence = useMemo(() => {
    const parsed = ruleInputSchema.safeParse(draftToInput(draft));
    if (!parsed.success) return undefined;
    return describeRule(parsed.data, { t, locale, names: namesFrom(options) });
  }, [draft, options, t, locale]);

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
        <span className="font-medium">{t("editor.sentenceLabel")} </span>
        <span data-testid="rule-sentence">{sentence ?? t("editor.sentenceEmpty")}</span>
      </div>
      <Card title={t("editor.rule")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("editor.name")} errors={errors.name}>
            {(p) => <input {...p} className={inputClasses} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <label className="inline-flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            {t("editor.enabled")}
          </label>
        </div>
      </Card>
      <Card title={t("editor.when")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("editor.trigger")} errors={errors["trigger.type"] ?? errors.trigger}>
            {(p) => (
              <select {...p} className={inputClasses} value={draft.triggerType} onChange={(e) => set({ triggerType: e.target.value as RuleDraft["triggerType"] })}>
                {TRIGGERS.map((trigger) => (
                  <option key={trigger} value={trigger}>
                    {t(`editor.triggers.${trigger}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {needsStatus && (
            <Field label={t("editor.status")} errors={errors["trigger.statusCode"]}>
              {(p) => <StatusSelect props={p} value={draft.triggerStatus} onChange={(triggerStatus) => set({ triggerStatus })} statuses={options.statuses} />}
            </Field>
          )}
          {draft.triggerType === "time_in_status" && (
            <Field label={t("editor.hours")} hint={t("editor.hoursHint")} errors={errors["trigger.hours"]}>
              {(p) => <input {...p} inputMode="numeric" className={inputClasses} value={draft.hours} onChange={(e) => set({ hours: e.target.value })} />}
            </Field>
          )}
        </div>
        {draft.triggerType === "parcel_event" && (
          <div className="mt-4 grid gap-4 lg:grid-cols-2">
            <CheckboxGroup
              legend={t("editor.parcelEvents")}
              items={PARCEL_EVENT_KINDS.map((code) => ({ code, name: tParcels(`events.${code}`) }))}
              value={draft.parcelEvents}
              onChange={(parcelEvents) => set({ parcelEvents })}
              errors={errors["trigger.events"]}
            />
            <Field label={t("editor.parcelCarriers")} hint={t("editor.parcelCarriersHint")} errors={errors["trigger.carriers"] ?? errors["trigger.carriers.0"]}>
              {(p) => <input {...p} className={inputClasses} value={draft.parcelCarriers} onChange={(e) => set({ parcelCarriers: e.target.value })} />}
            </Field>
          </div>
        )}
      </Card>
      <Card title={t("editor.onlyIf")}>
        <div className="grid gap-4 lg:grid-cols-2">
          <CheckboxGroup legend={t("editor.orderTypes")} items={options.orderTypes} value={draft.orderTypes} onChange={(orderTypes) => set({ orderTypes })} errors={errors["conditions.orderTypes"]} />
          <CheckboxGroup legend={t("editor.currentStatus")} items={options.statuses} value={draft.statuses} onChange={(statuses) => set({ statuses })} errors={errors["conditions.statuses"]} />
          {TEXT_CONDITIONS.map((key) => (
            <Field key={key} label={t(`editor.${key}`)} hint={t("editor.listHint", { hint: t(`editor.${key}Hint`) })} errors={errors[`conditions.${key}`] ?? errors[`conditions.${key}.0`]}>
              {(p) => <input {...p} className={inputClasses} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />}
            </Field>
          ))}
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("editor.totalFrom")} hint={t("editor.totalFromHint")} errors={errors["conditions.totalMin"]}>
              {(p) => <input {...p} inputMode="decimal" className={inputClasses} value={draft.totalMin} onChange={(e) => set({ totalMin: e.target.value })} />}
            </Field>
            <Field label={t("editor.totalTo")} errors={errors["conditions.totalMax"]}>
              {(p) => <input {...p} inputMode="decimal" className={inputClasses} value={draft.totalMax} onChange={(e) => set({ totalMax: e.target.value })} />}
            </Field>
          </div>
          <Field label={t("editor.payment")} errors={errors["conditions.paid"]}>
            {(p) => (
              <select {...p} className={inputClasses} value={draft.paid} onChange={(e) => set({ paid: e.target.value as RuleDraft["paid"] })}>
                <option value="any">{t("editor.paidAny")}</option>
                <option value="paid">{t("editor.paidFull")}</option>
                <option value="unpaid">{t("editor.unpaid")}</option>
              </select>
            )}
          </Field>
        </div>
      </Card>
      <Card title={t("editor.then")}>
        <ActionList actions={draft.actions} errors={errors} options={options} onChange={(actions) => set({ actions })} />
      </Card>
      <div className="space-y-3">
        <div aria-live="polite">{state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}</div>
        <Button type="submit" disabled={pending}>
          {pending ? tc("states.saving") : ruleId ? t("editor.save") : t("editor.create")}
        </Button>
      </div>
    </form>
  );
}
