"use client";

import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction } from "./board-types";
import { Field, inputClasses } from "./field";
import { useAdminReplyText } from "./reply-text";

export type PresetOption = { key: string; name: string; description: string; statusCount: number };

/**
 * Starts a workflow from one of the seed's presets: into an empty workflow, or as a new order
 * type whose statuses join the ones already there (shared codes reuse the existing status).
 */
export function PresetPanel({ presets, workflowEmpty, applyPreset }: { presets: PresetOption[]; workflowEmpty: boolean; applyPreset: StudioAction }) {
  const t = useTranslations("statuses.preset");
  const common = useTranslations("common");
  const replyText = useAdminReplyText();
  const [preset, setPreset] = useState(presets[0]?.key ?? "retail");
  // The status names start in the reader's language.
  const [locale, setLocale] = useState<"en" | "pl">(useLocale());
  const labels = { preset: t("preset"), locale: t("language"), orderTypeCode: t("code"), orderTypeName: t("name") };
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const mode = workflowEmpty ? "empty" : "alongside";
  const chosen = presets.find((p) => p.key === preset);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setState(await applyPreset({ preset, locale, mode, orderTypeCode: code, orderTypeName: name })));
      }}
    >
      <p className="text-sm text-slate-600">
        {workflowEmpty ? t("emptyIntro") : t("alongsideIntro")}
      </p>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state, { labels })}</Alert>}
      <Field label={labels.preset} hint={chosen ? t("hint", { description: chosen.description, count: chosen.statusCount }) : undefined} errors={fieldErrorsIn(state).preset}>
        {(p) => (
          <select {...p} value={preset} onChange={(e) => setPreset(e.target.value)} className={inputClasses}>
            {presets.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{labels.locale}</legend>
        <div className="flex gap-4 text-sm">
          {(["en", "pl"] as const).map((l) => (
            <label key={l} className="flex items-center gap-1.5">
              <input type="radio" name="preset-locale" value={l} checked={locale === l} onChange={() => setLocale(l)} />
              {common(`languageNames.${l}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={labels.orderTypeCode} hint={t("codeHint")} errors={fieldErrorsIn(state).orderTypeCode}>
        {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} className={inputClasses} />}
      </Field>
      <Field label={labels.orderTypeName} errors={fieldErrorsIn(state).orderTypeName}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} />}
      </Field>
      {fieldErrorsIn(state).mode && <p className="text-sm text-red-700">{fieldErrorsIn(state).mode!.join(" ")}</p>}
      <Button type="submit" disabled={pending}>
        {pending ? t("applying") : workflowEmpty ? t("apply") : t("alongside")}
      </Button>
    </form>
  );
}
