"use client";

import { useTranslations } from "next-intl";
import { Field, inputClasses } from "@/components/admin/field";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/result";
import { emptyAction, type ActionDraft } from "./rule-draft";
import type { EditorOptions } from "./types";

const ACTION_TYPES: ActionDraft["type"][] = ["set_status", "send_message", "add_comment", "attach_document"];

export function StatusSelect({
  value,
  onChange,
  statuses,
  props,
}: {
  value: string;
  onChange: (code: string) => void;
  statuses: EditorOptions["statuses"];
  props: object;
}) {
  const t = useTranslations("automations.action");
  return (
    <select {...props} className={inputClasses} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("chooseStatus")}</option>
      {statuses.map((s) => (
        <option key={s.code} value={s.code}>
          {t(s.archived ? "statusOptionArchived" : "statusOption", { name: s.name, code: s.code })}
        </option>
      ))}
    </select>
  );
}

/** One action of the rule: its kind, then the fields that kind needs. */
function ActionFields({
  action,
  index,
  count,
  errors,
  options,
  onChange,
  onMove,
  onRemove,
}: {
  action: ActionDraft;
  index: number;
  count: number;
  errors: FieldErrors;
  options: EditorOptions;
  onChange: (next: ActionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("automations.action");
  const err = (field: string) => errors[`actions.${index}.${field}`] ?? errors[`actions.${index}.${field}.0`];
  const set = (patch: Partial<ActionDraft>) => onChange({ ...action, ...patch });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={`action-${index}`}>
      <legend className="px-1 text-sm font-medium text-slate-700">{t("legend", { number: String(index + 1) })}</legend>
      <Field label={t("type")} errors={err("type")}>
        {(p) => (
          <select {...p} className={inputClasses} value={action.type} onChange={(e) => onChange({ ...emptyAction(e.target.value as ActionDraft["type"]) })}>
            {ACTION_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`types.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(action.type === "set_status" || action.type === "send_message") && (
        <Field
          label={action.type === "set_status" ? t("newStatus") : t("templateOf")}
          hint={action.type === "send_message" ? t("templateOfHint") : t("newStatusHint")}
          errors={err("statusCode")}
        >
          {(p) => <StatusSelect props={p} value={action.statusCode} onChange={(statusCode) => set({ statusCode })} statuses={options.statuses} />}
        </Field>
      )}
      {action.type === "send_message" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("channel")} errors={err("channel")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.channel} onChange={(e) => set({ channel: e.target.value as ActionDraft["channel"] })}>
                <option value="email">{t("email")}</option>
                <option value="sms">{t("sms")}</option>
              </select>
            )}
          </Field>
          <Field label={t("to")} errors={err("audience")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.audience} onChange={(e) => set({ audience: e.target.value as ActionDraft["audience"] })}>
                <option value="customer">{t("customer")}</option>
                <option value="admin">{t("admins")}</option>
              </select>
            )}
          </Field>
          {action.audience === "admin" && (
            <div className="sm:col-span-2">
              <Field label={t("adminAddresses")} hint={t("adminAddressesHint")} errors={err("to")}>
                {(p) => <input {...p} className={inputClasses} value={action.to} onChange={(e) => set({ to: e.target.value })} />}
              </Field>
            </div>
          )}
        </div>
      )}
      {action.type === "add_comment" && (
        <>
          <Field label={t("comment")} hint={t("commentHint", { first: "{{orderNumber}}", second: "{{customerFirstName}}" })} errors={err("body")}>
            {(p) => <textarea {...p} rows={3} className={inputClasses} value={action.body} onChange={(e) => set({ body: e.target.value })} />}
          </Field>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={action.customerVisible} onChange={(e) => set({ customerVisible: e.target.checked })} />
            {t("visible")}
          </label>
        </>
      )}
      {action.type === "attach_document" && (
        <>
          <Field label={t("document")} hint={t("documentHint")} errors={err("kind")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.documentKind} onChange={(e) => set({ documentKind: e.target.value as ActionDraft["documentKind"] })}>
                <option value="proforma">{t("proforma")}</option>
                <option value="invoice">{t("invoice")}</option>
                <option value="correction">{t("correction")}</option>
              </select>
            )}
          </Field>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={action.emailDocument} onChange={(e) => set({ emailDocument: e.target.checked })} />
            {t("emailIt")}
          </label>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("moveUp", { number: String(index + 1) })}>
          ↑ {t("up")}
        </Button>
        <Button variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t("moveDown", { number: String(index + 1) })}>
          ↓ {t("down")}
        </Button>
        <Button variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={t("removeLabel", { number: String(index + 1) })}>
          {t("remove")}
        </Button>
      </div>
    </fieldset>
  );
}

export function ActionList({
  actions,
  errors,
  options,
  onChange,
}: {
  actions: ActionDraft[];
  errors: FieldErrors;
  options: EditorOptions;
  onChange: (next: ActionDraft[]) => void;
}) {
  const t = useTranslations("automations.action");
  return (
    <div className="space-y-3">
      {errors.actions && <p className="text-sm text-red-700">{errors.actions.join(" ")}</p>}
      {actions.map((action, index) => (
        <ActionFields
          key={index}
          action={action}
          index={index}
          count={actions.length}
          errors={errors}
          options={options}
          onChange={(next) => onChange(actions.map((a, i) => (i === index ? next : a)))}
          onMove={(by) => {
            const next = [...actions];
            const [moved] = next.splice(index, 1);
            next.splice(index + by, 0, moved!);
            onChange(next);
          }}
          onRemove={() => onChange(actions.filter((_, i) => i !== index))}
        />
      ))}
      <Button variant="secondary" disabled={actions.length >= 10} onClick={() => onChange([...actions, emptyAction()])}>
        {t("add")}
      </Button>
    </div>
  );
}
