"use client";

import { Field, inputClasses } from "@/components/admin/field";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/result";
import { emptyAction, type ActionDraft } from "./rule-draft";
import type { EditorOptions } from "./types";

const ACTION_LABELS: Record<ActionDraft["type"], string> = {
  set_status: "Set the status",
  send_message: "Send a message template",
  add_comment: "Add a comment",
  attach_document: "Attach a pro-forma or invoice PDF",
};

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
  return (
    <select {...props} className={inputClasses} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose a status…</option>
      {statuses.map((s) => (
        <option key={s.code} value={s.code}>
          {s.name} ({s.code}){s.archived ? " — archived" : ""}
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
  const err = (field: string) => errors[`actions.${index}.${field}`];
  const set = (patch: Partial<ActionDraft>) => onChange({ ...action, ...patch });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={`action-${index}`}>
      <legend className="px-1 text-sm font-medium text-slate-700">Action {index + 1}</legend>
      <Field label="Action type" errors={err("type")}>
        {(p) => (
          <select {...p} className={inputClasses} value={action.type} onChange={(e) => onChange({ ...emptyAction(e.target.value as ActionDraft["type"]) })}>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(action.type === "set_status" || action.type === "send_message") && (
        <Field
          label={action.type === "set_status" ? "New status" : "Template of status"}
          hint={action.type === "send_message" ? "Message templates are kept per status: this one's text is sent." : "Goes through the process's matrix and payment gate like any change."}
          errors={err("statusCode")}
        >
          {(p) => <StatusSelect props={p} value={action.statusCode} onChange={(statusCode) => set({ statusCode })} statuses={options.statuses} />}
        </Field>
      )}
      {action.type === "send_message" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Channel" errors={err("channel")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.channel} onChange={(e) => set({ channel: e.target.value as ActionDraft["channel"] })}>
                <option value="email">Email</option>
                <option value="sms">SMS</option>
              </select>
            )}
          </Field>
          <Field label="To" errors={err("audience")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.audience} onChange={(e) => set({ audience: e.target.value as ActionDraft["audience"] })}>
                <option value="customer">The customer</option>
                <option value="admin">Admins (email)</option>
              </select>
            )}
          </Field>
          {action.audience === "admin" && (
            <div className="sm:col-span-2">
              <Field label="Admin addresses" hint="Comma-separated. Empty: the status's admin addresses, else the shop's support email." errors={err("to")}>
                {(p) => <input {...p} className={inputClasses} value={action.to} onChange={(e) => set({ to: e.target.value })} />}
              </Field>
            </div>
          )}
        </div>
      )}
      {action.type === "add_comment" && (
        <>
          <Field label="Comment" hint="You may use {{variables}} such as {{orderNumber}} or {{customerFirstName}}." errors={err("body")}>
            {(p) => <textarea {...p} rows={3} className={inputClasses} value={action.body} onChange={(e) => set({ body: e.target.value })} />}
          </Field>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={action.customerVisible} onChange={(e) => set({ customerVisible: e.target.checked })} />
            Visible to the customer
          </label>
        </>
      )}
      {action.type === "attach_document" && (
        <>
          <Field label="Document" hint="Issued from the order and the shop's settings; an order has one invoice, ever." errors={err("kind")}>
            {(p) => (
              <select {...p} className={inputClasses} value={action.documentKind} onChange={(e) => set({ documentKind: e.target.value as ActionDraft["documentKind"] })}>
                <option value="proforma">Pro-forma</option>
                <option value="invoice">Invoice</option>
              </select>
            )}
          </Field>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={action.emailDocument} onChange={(e) => set({ emailDocument: e.target.checked })} />
            Email it to the customer
          </label>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move action ${index + 1} up`}>
          ↑ Up
        </Button>
        <Button variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move action ${index + 1} down`}>
          ↓ Down
        </Button>
        <Button variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={`Remove action ${index + 1}`}>
          Remove
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
        Add an action
      </Button>
    </div>
  );
}
