"use client";

import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { readableTextColour } from "@/lib/format";
import type { ActionState } from "@/lib/action-state";
import type { CommentTemplateChoice } from "./change-details-fields";
import { CommentTemplateSelect } from "./comment-template-select";

export type TargetOption = {
  id: number;
  name: string;
  colour: string;
  /** Why the engine would refuse right now (e.g. "Payment required before Picking"), if it would. */
  blockedBecause?: string;
};

export function StatusChangePanel({
  orderId,
  version,
  targets,
  action,
  templates = [],
}: {
  orderId: number;
  version: number;
  targets: TargetOption[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Ready-made comments for the statuses offered here (and for any status). */
  templates?: CommentTemplateChoice[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const comment = useRef<HTMLTextAreaElement>(null);

  if (targets.length === 0) {
    // The change that led here may just have happened: keep its confirmation on screen.
    return (
      <div className="space-y-3">
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        <p className="text-sm text-slate-600">This order is in a final status: the process allows no further change.</p>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {state.message && (
        <Alert tone={state.ok ? "success" : "error"}>
          {state.message}
          {state.code === "version_conflict" && " The page now shows the current state."}
        </Alert>
      )}
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">Move to</legend>
        <div className="flex flex-wrap gap-2">
          {targets.map((t) => (
            <button
              key={t.id}
              type="submit"
              name="to"
              value={t.id}
              disabled={pending}
              aria-describedby={t.blockedBecause ? `blocked-${t.id}` : undefined}
              className="inline-flex items-center gap-2 rounded-md border-2 px-3 py-1.5 text-sm font-medium transition hover:brightness-95 disabled:opacity-60"
              style={
                t.blockedBecause
                  ? { borderColor: t.colour, color: "#334155", backgroundColor: "#fff", borderStyle: "dashed" }
                  : { borderColor: t.colour, backgroundColor: t.colour, color: readableTextColour(t.colour) }
              }
            >
              {t.blockedBecause && <span aria-hidden="true">🔒</span>}
              {t.name}
            </button>
          ))}
        </div>
        {targets
          .filter((t) => t.blockedBecause)
          .map((t) => (
            <p key={t.id} id={`blocked-${t.id}`} className="text-xs text-amber-800">
              {t.blockedBecause}
            </p>
          ))}
      </fieldset>
      {templates.length > 0 && (
        <CommentTemplateSelect
          id="comment-template"
          templates={templates}
          onPick={(body) => {
            if (comment.current) comment.current.value = body;
          }}
        />
      )}
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium text-slate-700">
          Comment <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          ref={comment}
          id="comment"
          name="comment"
          rows={2}
          maxLength={5000}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {state.fieldErrors?.comment && <p className="text-sm text-red-700">{state.fieldErrors.comment.join(" ")}</p>}
      </div>
      <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="customerVisible" /> Comment visible to the customer
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="notifyEmail" defaultChecked /> Send email
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="notifySms" defaultChecked /> Send SMS
        </label>
      </div>
      <p className="text-xs text-slate-500">Email and SMS go out only where the target status is set up to send them.</p>
    </form>
  );
}
