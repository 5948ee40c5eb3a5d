"use client";

import {
  withFormOnly,
  fieldErrorsIn,
  type ActionResult,
  type FormAction,
} from "@/lib/action-result";
import type { ChangeMade } from "@/lib/status-change-input";
import { UndoButton } from "@/components/undo/undo-button";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { readableTextColour } from "@/lib/format";
import type { CommentTemplateChoice } from "./change-details-fields";
import { CommentTemplateSelect } from "./comment-template-select";
import { useReplyText } from "@/components/ui/reply-text";
import { useFieldErrorText } from "./use-field-error-text";
import { ChangeEffects, type PreviewChange } from "./change-effects";
import { LockIcon } from "@/components/ui/lock-icon";

export type TargetOption = {
  id: number;
  /** In the reader's language. */
  name: string;
  colour: string;
  /** Why the engine would refuse right now (e.g. "Payment required before Picking"), in the reader's language, if it would. */
  blockedBecause?: string;
};

export function StatusChangePanel({
  orderId,
  orderNumber,
  version,
  targets,
  action,
  templates = [],
  undo,
  preview,
}: {
  orderId: number;
  /** Names the order in a refusal ("Order ORD-1 was changed by someone else"). */
  orderNumber?: string;
  version: number;
  targets: TargetOption[];
  action: FormAction<ChangeMade>;
  /** Takes a change back while its messages are held ("Undo" beside the confirmation). */
  undo: (input: {
    eventId: number;
  }) => Promise<ActionResult<{ number: string }>>;
  /** Ready-made comments for the statuses offered here (and for any status). */
  templates?: CommentTemplateChoice[];
  /** What a change to a target would do, shown for the target pointed at before it is pressed. */
  preview: PreviewChange;
}) {
  const t = useTranslations("order.change");
  const replyText = useReplyText();
  const fieldErrorText = useFieldErrorText();
  const [state, formAction, pending] = useActionState(
    withFormOnly(action),
    null,
  );
  const undoWords = useTranslations("undo");
  const effectsWords = useTranslations("effects");
  // The answer of an "Undo": shown in place of the change's confirmation.
  const [undone, setUndone] = useState<ActionResult<{ number: string }>>();
  const comment = useRef<HTMLTextAreaElement>(null);
  // The status last pressed, so a refusal can name it ("cannot move to “Shipped”").
  const [chosen, setChosen] = useState<string>();
  // The target last pointed at (hovered or focused): a press changes the order at once, so what
  // the change will do is shown while the person points at it, and stays for the toggles below.
  const [pointedId, setPointedId] = useState<number>();
  const pointed = targets.find((target) => target.id === pointedId);
  const [notify, setNotify] = useState({ email: true, sms: true });
  // The order's version when it was last asked: a refusal speaks of the order as it was then, so
  // once something else changed it (a payment recorded, tracking saved) the refusal is stale and
  // goes; a success stays until the next change, and so does a conflict, which says the page now
  // shows the order as it is.
  const [askedAt, setAskedAt] = useState(version);
  const reply =
    state &&
    (state.ok || askedAt === version || state.error.code === "version_conflict")
      ? state
      : null;
  // A guard's refusal names the status pressed ("Payment required before Picking"), like the note under its button.
  const said =
    reply && !reply.ok && reply.error.code === "guard_failed" && chosen
      ? t(
          reply.error.details?.reason === "archived"
            ? "blocked.archived"
            : "blocked.payment_required",
          { status: chosen },
        )
      : replyText(reply, { orderNumber, targetName: chosen });

  // The answer to the last change (with "Undo" while its messages are held), or to its undo.
  const answer = undone ? (
    <Alert tone={undone.ok ? "success" : "error"}>{replyText(undone)}</Alert>
  ) : (
    reply && (
      <Alert
        tone={reply.ok ? "success" : "error"}
        className="flex flex-wrap items-center gap-2"
      >
        <span className="flex-1">
          {said}
          {!reply.ok &&
            reply.error.code === "version_conflict" &&
            ` ${t("pageShowsCurrent")}`}
        </span>
        {reply.ok && reply.value.undoUntil && (
          <UndoButton
            until={reply.value.undoUntil}
            text={(seconds) => undoWords("button", { seconds })}
            undo={() => undo({ eventId: reply.value.eventId })}
            onDone={setUndone}
          />
        )}
      </Alert>
    )
  );

  if (targets.length === 0) {
    // The change that led here may just have happened: keep its confirmation on screen.
    return (
      <div className="space-y-3">
        {answer}
        <p className="text-sm text-slate-600">{t("finalStatus")}</p>
      </div>
    );
  }

  const commentError = fieldErrorText(fieldErrorsIn(state).comment);
  return (
    <form
      action={formAction}
      onSubmit={() => {
        setAskedAt(version);
        setUndone(undefined);
      }}
      className="space-y-4"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {answer}
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {t("moveTo")}
        </legend>
        <div className="flex flex-wrap gap-2">
          {targets.map((target) => (
            <button
              key={target.id}
              type="submit"
              name="to"
              value={target.id}
              disabled={pending}
              onClick={() => setChosen(target.name)}
              onMouseEnter={() => setPointedId(target.id)}
              onFocus={() => setPointedId(target.id)}
              aria-describedby={
                target.blockedBecause ? `blocked-${target.id}` : undefined
              }
              className="inline-flex items-center gap-2 rounded-md border-2 px-3 py-1.5 text-sm font-medium transition hover:brightness-95 disabled:opacity-60"
              style={
                target.blockedBecause
                  ? {
                      borderColor: target.colour,
                      color: "#334155",
                      backgroundColor: "#fff",
                      borderStyle: "dashed",
                    }
                  : {
                      borderColor: target.colour,
                      backgroundColor: target.colour,
                      color: readableTextColour(target.colour),
                    }
              }
            >
              {target.blockedBecause && <LockIcon />}
              {target.name}
            </button>
          ))}
        </div>
        {targets
          .filter((target) => target.blockedBecause)
          .map((target) => (
            <p
              key={target.id}
              id={`blocked-${target.id}`}
              className="text-xs text-amber-800"
            >
              {target.blockedBecause}
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
        <label
          htmlFor="comment"
          className="block text-sm font-medium text-slate-700"
        >
          {t("comment")}{" "}
          <span className="font-normal text-slate-500">{t("optional")}</span>
        </label>
        <textarea
          ref={comment}
          id="comment"
          name="comment"
          rows={2}
          maxLength={5000}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? "comment-error" : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {commentError && (
          <p id="comment-error" className="text-sm text-red-700">
            {commentError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="customerVisible" /> {t("commentVisible")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name="notifyEmail"
            checked={notify.email}
            onChange={(e) => setNotify({ ...notify, email: e.target.checked })}
          />{" "}
          {t("sendEmail")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name="notifySms"
            checked={notify.sms}
            onChange={(e) => setNotify({ ...notify, sms: e.target.checked })}
          />{" "}
          {t("sendSms")}
        </label>
      </div>
      <p className="text-xs text-slate-500">{t("notifyNote")}</p>
      {pointed ? (
        <ChangeEffects
          preview={preview}
          orderNumber={orderNumber ?? ""}
          targetName={pointed.name}
          request={{
            orderId,
            to: pointed.id,
            expectedVersion: version,
            notifyEmail: notify.email,
            notifySms: notify.sms,
          }}
        />
      ) : (
        <p className="text-xs text-slate-500">{effectsWords("pointAt")}</p>
      )}
    </form>
  );
}
