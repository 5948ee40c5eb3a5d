"use client";

import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TemplatePreview } from "@/lib/notifications/preview";
import type { Result } from "@/lib/result";
import { SmsMeter } from "./sms-meter";
import { VariablePalette } from "./variable-palette";

type Key = { statusId: number; channel: "email" | "sms"; audience: "customer" | "admin"; locale: "pl" | "en" };
type Text = { subject: string; body: string };

export type TemplateEditorProps = Key & {
  title: string;
  initial: Text;
  /** True when the status has no template of its own yet and the built-in text is shown. */
  usesDefault: boolean;
  prices: { domestic: number; foreign: number };
  save: (input: Key & Text) => Promise<Result<unknown>>;
  preview: (input: Key & Text & { orderNumber?: string }) => Promise<Result<TemplatePreview>>;
};

export function TemplateEditor(props: TemplateEditorProps) {
  const { statusId, channel, audience, locale } = props;
  const key = { statusId, channel, audience, locale };
  const [text, setText] = useState<Text>(props.initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<{ tone: "success" | "error"; message: string }>();
  const [preview, setPreview] = useState<TemplatePreview>();
  const [orderNumber, setOrderNumber] = useState("");
  const [pending, startTransition] = useTransition();
  const lastField = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const id = `${channel}-${audience}-${locale}`;

  function insert(placeholder: string) {
    const field = lastField.current;
    const name = field?.name === "subject" ? "subject" : "body";
    const current = text[name];
    const start = field?.selectionStart ?? current.length;
    const end = field?.selectionEnd ?? current.length;
    setText({ ...text, [name]: current.slice(0, start) + placeholder + current.slice(end) });
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  }

  function onSave() {
    startTransition(async () => {
      const result = await props.save({ ...key, ...text });
      setErrors(result.ok ? {} : (result.error.fieldErrors ?? {}));
      setNotice(result.ok ? { tone: "success", message: "Template saved." } : { tone: "error", message: result.error.message });
    });
  }

  function onPreview() {
    startTransition(async () => {
      const result = await props.preview({ ...key, ...text, orderNumber: orderNumber || undefined });
      if (result.ok) {
        setPreview(result.value);
        setNotice(undefined);
      } else setNotice({ tone: "error", message: result.error.message });
    });
  }

  const remember = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => (lastField.current = e.currentTarget);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex items-center justify-between">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-800">
          {props.title}
        </h3>
        {props.usesDefault && <span className="text-xs text-slate-500">Built-in text: save to make it your own</span>}
      </header>
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      {channel === "email" && (
        <div className="space-y-1">
          <label htmlFor={`${id}-subject`} className="block text-sm font-medium text-slate-700">
            Subject
          </label>
          <input
            id={`${id}-subject`}
            name="subject"
            value={text.subject}
            onChange={(e) => setText({ ...text, subject: e.target.value })}
            onFocus={remember}
            onSelect={remember}
            aria-invalid={errors.subject ? true : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
          {errors.subject && <p className="text-sm text-red-700">{errors.subject.join(" ")}</p>}
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-700">
          {channel === "sms" ? "Text" : "Message"}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={channel === "sms" ? 3 : 7}
          value={text.body}
          onChange={(e) => setText({ ...text, body: e.target.value })}
          onFocus={remember}
          onSelect={remember}
          aria-invalid={errors.body ? true : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600"
        />
        {errors.body && <p className="text-sm text-red-700">{errors.body.join(" ")}</p>}
        {channel === "sms" && <SmsMeter text={text.body} prices={props.prices} />}
      </div>
      <VariablePalette onInsert={insert} />
      <div className="flex flex-wrap items-end gap-2">
        <Button onClick={onSave} disabled={pending}>
          {pending ? "Working…" : "Save"}
        </Button>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Preview with order (optional)</span>
          <input
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.target.value)}
            placeholder="e.g. ORD-10042"
            className="w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <Button variant="secondary" onClick={onPreview} disabled={pending}>
          Preview
        </Button>
      </div>
      {preview && <PreviewPane preview={preview} />}
    </section>
  );
}

function PreviewPane({ preview }: { preview: TemplatePreview }) {
  if (preview.channel === "sms") {
    return (
      <div className="space-y-1">
        <p className="text-xs text-slate-500">As it will arrive ({preview.source}):</p>
        <p className="max-w-sm rounded-2xl bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap">{preview.text}</p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">
        Subject: <span className="font-medium text-slate-800">{preview.email.subject}</span> ({preview.source})
      </p>
      <iframe title="Email preview" sandbox="" srcDoc={preview.email.html} className="h-96 w-full rounded border border-slate-200" />
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">Plain text</summary>
        <pre className="mt-1 rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">{preview.email.text}</pre>
      </details>
    </div>
  );
}
