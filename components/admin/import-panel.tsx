"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WorkflowDiff } from "@/lib/workflow-config/diff";
import type { StudioAction, StudioResult } from "./board-types";
import { ConfirmButton } from "./confirm-button";
import { ImportDiff } from "./import-diff";

/**
 * Upload a workflow document: it is checked and shown as a diff first; only a confirmed apply
 * writes, all at once. Refusals list every field at fault with its path in the document.
 */
export function ImportPanel({ preview, apply }: { preview: StudioAction<WorkflowDiff>; apply: StudioAction<WorkflowDiff> }) {
  const [doc, setDoc] = useState<unknown>();
  const [fileName, setFileName] = useState<string>();
  const [state, setState] = useState<StudioResult<WorkflowDiff>>({});
  const [applied, setApplied] = useState(false);
  const [pending, startTransition] = useTransition();

  async function onFile(file: File | undefined) {
    setApplied(false);
    setDoc(undefined);
    setFileName(file?.name);
    if (!file) return setState({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setState({ ok: false, message: `${file.name} is not valid JSON.` });
    }
    startTransition(async () => {
      const result = await preview({ document: parsed });
      setState(result);
      if (result.ok) setDoc(parsed);
    });
  }

  const errors = Object.entries(state.fieldErrors ?? {});
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="workflow-file" className="block text-sm font-medium text-slate-700">
          Workflow document (JSON)
        </label>
        <input id="workflow-file" type="file" accept="application/json,.json" onChange={(e) => onFile(e.target.files?.[0])} className="mt-1 text-sm" />
      </div>
      {pending && <p className="text-sm text-slate-500">Checking {fileName}…</p>}
      {state.message && <Alert tone={state.ok ? (applied ? "success" : "info") : "error"}>{state.message}</Alert>}
      {errors.length > 0 && (
        <ul className="space-y-1 text-sm text-red-800" aria-label="Problems in the document">
          {errors.map(([path, messages]) => (
            <li key={path}>
              <code className="rounded bg-red-50 px-1">{path || "(document)"}</code>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
      {state.ok && state.data && <ImportDiff diff={state.data} />}
      {doc !== undefined && state.ok && !applied && !state.data?.empty && (
        <ConfirmButton
          label="Apply import"
          confirmLabel="Apply all changes"
          variant="primary"
          question="Apply these changes to the live workflow?"
          disabled={pending}
          onConfirm={() =>
            startTransition(async () => {
              const result = await apply({ document: doc });
              setState(result);
              setApplied(Boolean(result.ok));
            })
          }
        />
      )}
      {applied && (
        <Button variant="secondary" onClick={() => onFile(undefined)}>
          Import another
        </Button>
      )}
    </div>
  );
}
