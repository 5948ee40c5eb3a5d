"use client";

import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction } from "./board-types";
import { GROUP_KINDS } from "./board-types";
import { ColourField } from "./colour-field";
import { Field, inputClasses } from "./field";
import { NameFields, useNameLabels, useShownName } from "./name-fields";
import { namesInput, NO_NAMES } from "./name-translations";
import { useAdminReplyText } from "./reply-text";

export function NewGroupForm({ createGroup }: { createGroup: StudioAction }) {
  const t = useTranslations("statuses");
  const replyText = useAdminReplyText();
  const nameLabels = useNameLabels();
  const labels = { name: t("groupEditor.name"), kind: t("newGroup.kind"), colour: t("groupEditor.colour"), ...nameLabels.byField };
  const [names, setNames] = useState(NO_NAMES);
  const shownName = useShownName(names);
  const [colour, setColour] = useState("#0f766e");
  const [kind, setKind] = useState("in_progress");
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await createGroup({ ...namesInput(names), colour, kind });
          setState(result);
          if (result.ok) setNames(NO_NAMES);
        });
      }}
    >
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state, { labels })}</Alert>}
      <NameFields label={labels.name} value={names} onChange={setNames} errors={fieldErrorsIn(state)} labels={nameLabels} />
      <Field label={labels.kind} hint={t("newGroup.kindHint")} errors={fieldErrorsIn(state).kind}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value)} className={inputClasses}>
            {GROUP_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kinds.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ColourField label={labels.colour} value={colour} onChange={setColour} errors={fieldErrorsIn(state).colour} preview={shownName} />
      <Button type="submit" disabled={pending}>
        {pending ? t("newGroup.adding") : t("newGroup.add")}
      </Button>
    </form>
  );
}
