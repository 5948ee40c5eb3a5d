"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction, StudioResult } from "./board-types";
import { Field, inputClasses } from "./field";

export type PresetOption = { key: string; name: string; description: string; statusCount: number };

/**
 * Starts a workflow from one of the seed's presets: into an empty workflow, or as a new order
 * type whose statuses join the ones already there (shared codes reuse the existing status).
 */
export function PresetPanel({ presets, workflowEmpty, applyPreset }: { presets: PresetOption[]; workflowEmpty: boolean; applyPreset: StudioAction }) {
  const [preset, setPreset] = useState(presets[0]?.key ?? "retail");
  const [locale, setLocale] = useState<"en" | "pl">("en");
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [state, setState] = useState<StudioResult>({});
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
        {workflowEmpty
          ? "The workflow is empty: start from a preset."
          : "Adds the preset as a new order type. Its statuses join yours; a status whose code already exists is reused as you have it."}
      </p>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <Field label="Preset" hint={chosen ? `${chosen.description} (${chosen.statusCount} statuses)` : undefined} errors={state.fieldErrors?.preset}>
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
        <legend className="text-sm font-medium text-slate-700">Language of the status names</legend>
        <div className="flex gap-4 text-sm">
          {(["en", "pl"] as const).map((l) => (
            <label key={l} className="flex items-center gap-1.5">
              <input type="radio" name="preset-locale" value={l} checked={locale === l} onChange={() => setLocale(l)} />
              {l === "en" ? "English" : "Polski"}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="New order type code" hint="e.g. marketplace_b2c" errors={state.fieldErrors?.orderTypeCode}>
        {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} className={inputClasses} />}
      </Field>
      <Field label="New order type name" errors={state.fieldErrors?.orderTypeName}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} />}
      </Field>
      {state.fieldErrors?.mode && <p className="text-sm text-red-700">{state.fieldErrors.mode.join(" ")}</p>}
      <Button type="submit" disabled={pending}>
        {pending ? "Applying…" : workflowEmpty ? "Apply preset" : "Add preset alongside"}
      </Button>
    </form>
  );
}
