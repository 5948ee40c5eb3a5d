"use client";

import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { StudioAction } from "./board-types";
import { ConfirmButton } from "./confirm-button";
import { Field, inputClasses } from "./field";
import { NameFields, useNameLabels } from "./name-fields";
import { namesInput, type EditableNames } from "./name-translations";
import { useAdminReplyText } from "./reply-text";
import { useStrandingConfirmation } from "./stranding-dialog";

/** An order type in the studio: `name` as this screen shows it, `stored` as its fields edit it (the name and one per staff language). */
export type TypeRow = {
  id: number;
  code: string;
  name: string;
  stored: EditableNames;
  initialStatusId: number;
  transitionCount: number;
  errorCount: number;
  warningCount: number;
};
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
  const t = useTranslations("workflows.row");
  const replyText = useAdminReplyText();
  const nameLabels = useNameLabels((language) => t("nameInOf", { code: type.code, language }));
  const labels = { name: t("nameOf", { code: type.code }), initialStatusId: t("initialOf", { code: type.code }), ...nameLabels.byField };
  const [names, setNames] = useState(type.stored);
  const [initial, setInitial] = useState(type.initialStatusId);
  const [source, setSource] = useState(others[0]?.id);
  const [state, setState] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const sourceName = others.find((o) => o.id === source)?.name;
  const stranding = useStrandingConfirmation();

  // Replacing the matrix can take the way forward away from orders of this type: asked, then sent with their number.
  function copyMatrix(confirmStranded?: number) {
    startTransition(async () => {
      const result = await copy({ id: type.id, fromId: source, confirmStranded });
      setState(stranding.askIfStranding(result, copyMatrix) ? null : result);
    });
  }
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("label", { name: type.name })}>
      <div className="flex flex-wrap items-center gap-3">
        {moveControls}
        <h2 className="text-base font-semibold">{type.name}</h2>
        <code className="text-xs text-slate-500">{type.code}</code>
        <span className="text-xs text-slate-600">
          {t("transitions", { count: type.transitionCount })} ·{" "}
          {type.errorCount > 0 ? <span className="text-red-700">{t("errors", { count: type.errorCount })}</span> : t("noErrors")}
          {type.warningCount > 0 && ` · ${t("warnings", { count: type.warningCount })}`}
        </span>
        <Link href={`/admin/workflows/${encodeURIComponent(type.code)}`} className={buttonClasses("primary", "ml-auto")}>
          {t("editMatrix")}
        </Link>
      </div>
      {state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state, { labels })}</Alert>}
      <div className="grid items-start gap-3 md:grid-cols-3">
        <div className="space-y-3 md:col-span-2">
          <NameFields label={labels.name} value={names} onChange={setNames} errors={fieldErrorsIn(state)} labels={nameLabels} />
        </div>
        <Field label={labels.initialStatusId} errors={fieldErrorsIn(state).initialStatusId}>
          {(p) => (
            <select {...p} value={initial} onChange={(e) => setInitial(Number(e.target.value))} className={inputClasses}>
              {statuses.map((s) => (
                <option key={s.id} value={s.id} disabled={s.archived}>
                  {s.archived ? t("archivedOption", { name: s.name }) : s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => startTransition(async () => setState(await update({ id: type.id, ...namesInput(names), initialStatusId: initial })))}
        >
          {t("save", { code: type.code })}
        </Button>
        {others.length > 0 && (
          // Copying replaces the whole matrix: kept apart from saving, at the row's other end.
          <div className="ml-auto flex flex-wrap items-end gap-3">
            <Field label={t("copyFrom", { code: type.code })}>
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
              label={t("copy")}
              confirmLabel={t("replace")}
              variant="primary"
              question={t("replaceQuestion", { name: type.name, source: sourceName ?? "" })}
              disabled={pending}
              onConfirm={() => copyMatrix()}
            />
          </div>
        )}
      </div>
      {stranding.dialog}
    </li>
  );
}
