"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import type { BoardGroup, StudioAction } from "./board-types";
import { ColourField } from "./colour-field";
import { ConfirmButton } from "./confirm-button";
import { NameFields, useNameLabels, useShownName } from "./name-fields";
import { namesInput } from "./name-translations";
import { useAdminReplyText } from "./reply-text";

/** Rename (in each language), recolour or delete (only when empty) a group, in a disclosure on its header. */
export function GroupEditor({
  group,
  empty,
  updateGroup,
  deleteGroup,
}: {
  group: BoardGroup;
  empty: boolean;
  updateGroup: StudioAction;
  deleteGroup: StudioAction;
}) {
  const t = useTranslations("statuses.groupEditor");
  const common = useTranslations("common");
  const replyText = useAdminReplyText();
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState(group.stored);
  // The colour's preview reads as the board will: in the screen's language when translated.
  const shownName = useShownName(names);
  const [colour, setColour] = useState(group.colour);
  const [state, setState] = useState<ActionReply>(null);
  const fieldErrors = fieldErrorsIn(state);
  const nameLabels = useNameLabels();
  const message = replyText(state, { labels: { name: t("name"), colour: t("colour"), ...nameLabels.byField } });
  const [pending, startTransition] = useTransition();

  return (
    <div className="relative">
      <Button variant="ghost" className="px-2 py-1 text-xs" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={t("editLabel", { name: group.name })}>
        {t("edit")}
      </Button>
      {/* The editor closes on success; the confirmation stays for screen readers (the header shows the new name). */}
      {!open && state?.ok && message && (
        <p role="status" className="sr-only">
          {message}
        </p>
      )}
      {open && (
        <div className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <NameFields label={t("name")} value={names} onChange={setNames} errors={fieldErrors} errorPrefix="group." labels={nameLabels} />
          <ColourField label={t("colour")} value={colour} onChange={setColour} errors={fieldErrors["group.colour"]} preview={shownName} />
          {message && (
            <p className={state?.ok ? "text-sm text-green-800" : "text-sm text-red-700"} role={state?.ok ? "status" : "alert"}>
              {message}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await updateGroup({
                    id: group.id,
                    group: { ...namesInput(names), colour, kind: group.kind },
                  });
                  setState(result);
                  if (result.ok) setOpen(false);
                })
              }
            >
              {pending ? common("states.saving") : t("save")}
            </Button>
            {empty ? (
              <ConfirmButton
                label={t("delete")}
                confirmLabel={common("actions.delete")}
                question={t("deleteQuestion", { name: group.name })}
                onConfirm={() => startTransition(async () => setState(await deleteGroup({ id: group.id })))}
              />
            ) : (
              <span className="text-xs text-slate-500">{t("moveOut")}</span>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
