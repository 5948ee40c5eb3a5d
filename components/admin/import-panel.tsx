"use client";

import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BODY_LIMITS, formatLimit } from "@/lib/http/body-limits";
import type { Stranding } from "@/lib/result";
import type { WorkflowDiff } from "@/lib/workflow-config/diff";
import type { ImportPreview } from "@/lib/workflow-config/export-import";
import type { StudioAction } from "./board-types";
import { ConfirmButton } from "./confirm-button";
import { ImportDiff } from "./import-diff";
import { useAdminReplyText } from "./reply-text";
import { useStrandingConfirmation, useStrandingText } from "./stranding-dialog";
import { FilePicker } from "@/components/ui/file-picker";

/**
 * Upload a workflow document: it is checked and shown as a diff first, with the open orders it
 * would leave with no way forward; only a confirmed apply writes, all at once, confirming the
 * number of those orders the preview showed (a number that changed meanwhile is asked about
 * again). Refusals list every field at fault with its path in the document.
 */
export function ImportPanel({ preview, apply }: { preview: StudioAction<ImportPreview>; apply: StudioAction<WorkflowDiff> }) {
  const t = useTranslations("workflows.io");
  const ts = useTranslations("workflows.stranding");
  const replyText = useAdminReplyText();
  const strandingText = useStrandingText();
  const confirmation = useStrandingConfirmation();
  const [doc, setDoc] = useState<unknown>();
  const [fileName, setFileName] = useState<string>();
  const [state, setState] = useState<ActionReply<WorkflowDiff>>(null);
  const [stranding, setStranding] = useState<Stranding>();
  const [applied, setApplied] = useState(false);
  // What the browser itself refused (too large, not JSON, not sent), already in the reader's words.
  const [local, setLocal] = useState<string>();
  const [pending, startTransition] = useTransition();
  // "Import another" starts the file field afresh (a new element: no file, and the same file can be chosen again).
  const [picks, setPicks] = useState(0);

  async function onFile(file: File | undefined) {
    setApplied(false);
    setLocal(undefined);
    setDoc(undefined);
    setStranding(undefined);
    setFileName(file?.name);
    if (!file) return setState(null);
    // Larger than a server action takes: the post would be refused as a whole (413).
    if (file.size > BODY_LIMITS.serverAction) {
      setState(null);
      return setLocal(t("tooLarge", { file: file.name, limit: formatLimit(BODY_LIMITS.serverAction) }));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setState(null);
      return setLocal(t("notJson", { file: file.name }));
    }
    startTransition(async () => {
      // A refusal before the action runs (the proxy's 413, a lost connection) is thrown by the
      // action call: said here in general words, not as a crashed page.
      const result = await preview({ document: parsed }).catch(() => undefined);
      if (!result) return setLocal(t("unreachable"));
      setState(result);
      if (!result.ok) return;
      setDoc(parsed);
      setStranding(result.value.stranding.total > 0 ? result.value.stranding : undefined);
    });
  }

  function applyDocument(confirmStranded: number | undefined) {
    startTransition(async () => {
      const result = await apply({ document: doc, confirmStranded });
      if (confirmation.askIfStranding(result, applyDocument)) return;
      setState(result);
      setApplied(result.ok);
      if (result.ok) setStranding(undefined);
    });
  }

  const errors = Object.entries(fieldErrorsIn(state));
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="workflow-file" className="block text-sm font-medium text-slate-700">
          {t("file")}
        </label>
        <FilePicker key={picks} id="workflow-file" accept="application/json,.json" onFile={onFile} />
      </div>
      {pending && <p className="text-sm text-slate-500">{t("checking", { file: fileName ?? "" })}</p>}
      {local && <Alert tone="error">{local}</Alert>}
      {state && <Alert tone={state.ok ? (applied ? "success" : "info") : "error"}>{replyText(state)}</Alert>}
      {errors.length > 0 && (
        <ul className="space-y-1 text-sm text-red-800" aria-label={t("problems")}>
          {errors.map(([path, messages]) => (
            <li key={path}>
              <code className="rounded bg-red-50 px-1">{path || t("document")}</code>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
      {state?.ok && <ImportDiff diff={state.value} />}
      {stranding && !applied && <Alert tone="warning">{ts("importWarning", { orders: strandingText(stranding) })}</Alert>}
      {doc !== undefined && state?.ok && !applied && !state.value.empty && (
        <ConfirmButton
          label={t("apply")}
          confirmLabel={t("applyConfirm")}
          variant="primary"
          question={t("applyQuestion")}
          disabled={pending}
          onConfirm={() => applyDocument(stranding?.total)}
        />
      )}
      {confirmation.dialog}
      {applied && (
        <Button
          variant="secondary"
          onClick={() => {
            setPicks((n) => n + 1);
            void onFile(undefined);
          }}
        >
          {t("another")}
        </Button>
      )}
    </div>
  );
}
