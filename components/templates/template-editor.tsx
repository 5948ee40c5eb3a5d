"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { labelsOf } from "@/lib/i18n/field-labels";
import { listIn } from "@/lib/i18n/lint-text";
import { refusalText as wordRefusal } from "@/lib/i18n/refusal-text";
import type { TemplatePreview } from "@/lib/notifications/preview";
import type { Refusal } from "@/lib/result";
import { SmsMeter } from "./sms-meter";
import { VariablePalette } from "./variable-palette";

type Key = { statusId: number; channel: "email" | "sms"; audience: "customer" | "admin"; locale: "pl" | "en" };
type Text = { subject: string; body: string };
/** SMS only: replace Polish letters (true), keep them (false), or follow the shop (null). */
type Transliterate = { smsTransliterate: boolean | null };

export type TemplateEditorProps = Key & {
  title: string;
  initial: Text & Transliterate;
  /** True when the status has no template of its own yet and the built-in text is shown. */
  usesDefault: boolean;
  prices: { domestic: number; foreign: number };
  /** The shop's setting for SMS: send without Polish letters. */
  shopTransliterates: boolean;
  save: (input: Key & Text & Transliterate) => Promise<ActionResult<unknown>>;
  preview: (input: Key & Text & Transliterate & { orderNumber?: string }) => Promise<ActionResult<TemplatePreview>>;
};

const CHOICES = { follow: null, keep: false, replace: true } as const;
type Choice = keyof typeof CHOICES;
const choiceOf = (value: boolean | null): Choice => (value === null ? "follow" : value ? "replace" : "keep");

export function TemplateEditor(props: TemplateEditorProps) {
  const t = useTranslations("templates");
  const common = useTranslations("common");
  const refusals = useTranslations("refusals");
  const { statusId, channel, audience, locale } = props;
  const key = { statusId, channel, audience, locale };
  const [text, setText] = useState<Text>({ subject: props.initial.subject, body: props.initial.body });
  const [choice, setChoice] = useState<Choice>(choiceOf(props.initial.smsTransliterate));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<{ tone: "success" | "error"; message: string }>();
  const [preview, setPreview] = useState<{ value: TemplatePreview; orderNumber?: string }>();
  const [orderNumber, setOrderNumber] = useState("");
  const [pending, startTransition] = useTransition();
  const lastField = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const id = `${channel}-${audience}-${locale}`;
  const smsTransliterate = channel === "sms" ? CHOICES[choice] : null;
  const transliterates = smsTransliterate ?? props.shopTransliterates;
  const labels: Record<string, string> = { subject: t("editor.subject"), body: channel === "sms" ? t("editor.text") : t("editor.message") };

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

  /** Why the server refused, in the reader's language: the fields by their labels, else the refusal's code. */
  function refusalText(error: Refusal, about: { orderNumber?: string } = {}): string {
    const fields = labelsOf(error.fieldErrors ?? {}, labels);
    if (error.code === "validation_failed" && fields.length) return common("errors.checkFields", { fields: listIn(locale)(fields) });
    if (error.code === "not_found" && about.orderNumber) return t("errors.orderNotFound", { number: about.orderNumber });
    return wordRefusal(refusals, error);
  }

  function onSave() {
    startTransition(async () => {
      const result = await props.save({ ...key, ...text, smsTransliterate });
      setErrors(result.ok ? {} : (result.error.fieldErrors ?? {}));
      setNotice(result.ok ? { tone: "success", message: result.message } : { tone: "error", message: refusalText(result.error) });
    });
  }

  function onPreview() {
    const number = orderNumber.trim() || undefined;
    startTransition(async () => {
      const result = await props.preview({ ...key, ...text, smsTransliterate, orderNumber: number });
      setErrors(result.ok ? {} : (result.error.fieldErrors ?? {}));
      if (result.ok) {
        setPreview({ value: result.value, orderNumber: number });
        setNotice(undefined);
      } else setNotice({ tone: "error", message: refusalText(result.error, { orderNumber: number }) });
    });
  }

  const remember = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => (lastField.current = e.currentTarget);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-800">
          {props.title}
        </h3>
        {props.usesDefault && <span className="text-xs text-slate-600">{t("editor.builtIn")}</span>}
      </header>
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      {channel === "email" && (
        <div className="space-y-1">
          <label htmlFor={`${id}-subject`} className="block text-sm font-medium text-slate-700">
            {labels.subject}
          </label>
          <input
            id={`${id}-subject`}
            name="subject"
            value={text.subject}
            onChange={(e) => setText({ ...text, subject: e.target.value })}
            onFocus={remember}
            onSelect={remember}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={errors.subject ? `${id}-subject-error` : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600"
          />
          {errors.subject && (
            <p id={`${id}-subject-error`} className="text-sm text-red-700">
              {errors.subject.join(" ")}
            </p>
          )}
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-700">
          {labels.body}
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
          aria-describedby={errors.body ? `${id}-body-error` : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-invalid:border-red-600"
        />
        {errors.body && (
          <p id={`${id}-body-error`} className="text-sm text-red-700">
            {errors.body.join(" ")}
          </p>
        )}
        {channel === "sms" && <SmsMeter text={text.body} prices={props.prices} transliterate={transliterates} />}
      </div>
      {channel === "sms" && (
        <div className="space-y-1">
          <label htmlFor={`${id}-transliterate`} className="block text-sm font-medium text-slate-700">
            {t("transliteration.label")}
          </label>
          <select
            id={`${id}-transliterate`}
            value={choice}
            onChange={(e) => setChoice(e.target.value as Choice)}
            className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="follow">{t("transliteration.follow", { shop: props.shopTransliterates ? "replace" : "keep" })}</option>
            <option value="keep">{t("transliteration.keep")}</option>
            <option value="replace">{t("transliteration.replace")}</option>
          </select>
        </div>
      )}
      <VariablePalette onInsert={insert} />
      <div className="flex flex-wrap items-end gap-2">
        <Button onClick={onSave} disabled={pending}>
          {pending ? t("editor.working") : common("actions.save")}
        </Button>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("editor.previewWith")}</span>
          <input
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.target.value)}
            placeholder={t("editor.previewPlaceholder")}
            className="w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <Button variant="secondary" onClick={onPreview} disabled={pending}>
          {t("editor.preview")}
        </Button>
      </div>
      {preview && <PreviewPane preview={preview.value} orderNumber={preview.orderNumber} />}
    </section>
  );
}

function PreviewPane({ preview, orderNumber }: { preview: TemplatePreview; orderNumber?: string }) {
  const t = useTranslations("templates");
  const source = orderNumber ? t("editor.sourceOrder", { number: orderNumber }) : t("editor.sourceSample");
  if (preview.channel === "sms") {
    return (
      <div className="space-y-1">
        <p className="text-xs text-slate-600">{t("editor.asItWillArrive", { source })}</p>
        <p className="max-w-sm rounded-2xl bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap">{preview.text}</p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">
        {t.rich("editor.previewSubject", { subject: preview.email.subject, source, b: (chunks) => <span className="font-medium text-slate-800">{chunks}</span> })}
      </p>
      <iframe title={t("editor.emailPreview")} sandbox="" srcDoc={preview.email.html} className="h-96 w-full rounded border border-slate-200" />
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">{t("editor.plainText")}</summary>
        <pre className="mt-1 rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">{preview.email.text}</pre>
      </details>
    </div>
  );
}
