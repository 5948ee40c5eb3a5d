"use client";

import { withFormOnly, fieldErrorsIn, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReplyText } from "@/components/ui/reply-text";
import { WEBHOOK_EVENT_TYPES } from "@/lib/integrations/webhooks/events";

/** The catalogue's key of a webhook event type: next-intl reads dots in a key as nesting. */
const eventKey = (type: (typeof WEBHOOK_EVENT_TYPES)[number]) => type.replace(/^order\./, "") as "created" | "status_changed" | "payment_recorded" | "tracking_updated" | "updated";

type Values = { url: string; description: string; eventTypes: readonly string[] };

/** Address, description and events of an endpoint: the add form and the edit form. */
export function WebhookEndpointForm({
  action,
  endpointId,
  initial = { url: "", description: "", eventTypes: WEBHOOK_EVENT_TYPES },
  submitLabel,
}: {
  action: FormAction;
  /** The endpoint being edited; none when adding one. */
  endpointId?: number;
  initial?: Values;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(withFormOnly(action), null);
  // Controlled, because React resets a form after its action: a refused entry must stay to be fixed.
  const [url, setUrl] = useState(initial.url);
  const [description, setDescription] = useState(initial.description);
  const [eventTypes, setEventTypes] = useState<readonly string[]>(initial.eventTypes);
  const t = useTranslations("integrations.form");
  const tc = useTranslations("common");
  const replyText = useReplyText();
  // The server's field errors are English zod messages: each field is worded from the catalogue.
  const refused = fieldErrorsIn(state);
  const errors = { url: refused.url && [t("errors.url")], description: refused.description && [t("errors.description")] };
  const eventErrors = Object.keys(refused).some((key) => key.startsWith("eventTypes")) ? [t("errors.eventTypes")] : [];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {endpointId !== undefined && <input type="hidden" name="id" value={endpointId} />}
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state)}</Alert>}
      <Field label={t("url")} hint={t("urlHint")} errors={errors.url}>
        {(props) => <input {...props} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required className={inputClasses} />}
      </Field>
      <Field label={t("description")} hint={t("descriptionHint")} errors={errors.description}>
        {(props) => <input {...props} name="description" value={description} onChange={(e) => setDescription(e.target.value)} className={inputClasses} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={eventErrors.length ? "event-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                checked={eventTypes.includes(type)}
                onChange={(e) => setEventTypes((all) => (e.target.checked ? [...all, type] : all.filter((t) => t !== type)))}
              />
              <span>
                {t(`eventLabels.${eventKey(type)}`)} <code className="text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {eventErrors.length > 0 && (
          <p id="event-types-error" className="text-sm text-red-700">
            {eventErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? tc("states.saving") : submitLabel}
      </Button>
    </form>
  );
}
