"use client";

import { useActionState, useState } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/integrations/webhooks/events";

type Values = { url: string; description: string; eventTypes: readonly string[] };

/** Address, description and events of an endpoint: the add form and the edit form. */
export function WebhookEndpointForm({
  action,
  initial = { url: "", description: "", eventTypes: WEBHOOK_EVENT_TYPES },
  submitLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial?: Values;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // Controlled, because React resets a form after its action: a refused entry must stay to be fixed.
  const [url, setUrl] = useState(initial.url);
  const [description, setDescription] = useState(initial.description);
  const [eventTypes, setEventTypes] = useState<readonly string[]>(initial.eventTypes);
  const errors = state.fieldErrors ?? {};
  const eventErrors = Object.entries(errors)
    .filter(([key]) => key.startsWith("eventTypes"))
    .flatMap(([, messages]) => messages);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <Field label="Endpoint URL" hint="Where Orderly POSTs the events, e.g. https://erp.example.com/hooks/orderly" errors={errors.url}>
        {(props) => <input {...props} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required className={inputClasses} />}
      </Field>
      <Field label="Description" hint="Optional: who runs the receiver, what it does" errors={errors.description}>
        {(props) => <input {...props} name="description" value={description} onChange={(e) => setDescription(e.target.value)} className={inputClasses} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={eventErrors.length ? "event-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
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
                {WEBHOOK_EVENT_LABELS[type]} <code className="text-xs text-slate-500">{type}</code>
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
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
