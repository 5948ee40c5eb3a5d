"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { StudioAction, StudioResult } from "./board-types";
import { ConfirmButton } from "./confirm-button";
import { Field, inputClasses } from "./field";

export type TypeRow = { id: number; code: string; name: string; initialStatusId: number; transitionCount: number; errorCount: number; warningCount: number };
export type StatusOption = { id: number; name: string; archived: boolean };

export function OrderTypeRow({
  type,
  others,
  statuses,
  update,
  copy,
  moveControls,
}: {
  type: TypeRow;
  others: TypeRow[];
  statuses: StatusOption[];
  update: StudioAction;
  copy: StudioAction;
  moveControls: React.ReactNode;
}) {
  const [name, setName] = useState(type.name);
  const [initial, setInitial] = useState(type.initialStatusId);
  const [source, setSource] = useState(others[0]?.id);
  const [state, setState] = useState<StudioResult>({});
  const [pending, startTransition] = useTransition();
  const sourceName = others.find((o) => o.id === source)?.name;
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={`Order type ${type.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        {moveControls}
        <h2 className="text-base font-semibold">{type.name}</h2>
        <code className="text-xs text-slate-500">{type.code}</code>
        <span className="text-xs text-slate-600">
          {type.transitionCount} allowed changes ·{" "}
          {type.errorCount > 0 ? <span className="text-red-700">{type.errorCount} error(s)</span> : "no errors"}
          {type.warningCount > 0 && ` · ${type.warningCount} warning(s)`}
        </span>
        <Link href={`/admin/workflows/${encodeURIComponent(type.code)}`} className={buttonClasses("primary", "ml-auto")}>
          Edit matrix
        </Link>
      </div>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <div className="grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]">
        <Field label={`Name of ${type.code}`} errors={state.fieldErrors?.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} />}
        </Field>
        <Field label={`Initial status of ${type.code}`} errors={state.fieldErrors?.initialStatusId}>
          {(p) => (
            <select {...p} value={initial} onChange={(e) => setInitial(Number(e.target.value))} className={inputClasses}>
              {statuses.map((s) => (
                <option key={s.id} value={s.id} disabled={s.archived}>
                  {s.name}
                  {s.archived ? " (archived)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => startTransition(async () => setState(await update({ id: type.id, name, initialStatusId: initial })))}
        >
          Save {type.code}
        </Button>
      </div>
      {others.length > 0 && (
        <div className="flex flex-wrap items-end gap-3">
          <Field label={`Copy matrix into ${type.code} from`}>
            {(p) => (
              <select {...p} value={source} onChange={(e) => setSource(Number(e.target.value))} className={inputClasses}>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ConfirmButton
            label="Copy matrix"
            confirmLabel="Replace matrix"
            variant="primary"
            question={`Replace ${type.name}'s matrix with ${sourceName}'s?`}
            disabled={pending}
            onConfirm={() => startTransition(async () => setState(await copy({ id: type.id, fromId: source })))}
          />
        </div>
      )}
    </li>
  );
}
