"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useServerState } from "@/components/ui/use-server-state";
import { fieldErrorsIn, type ActionReply } from "@/lib/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StudioAction } from "./board-types";
import { Field, inputClasses } from "./field";
import { NameFields, useNameLabels } from "./name-fields";
import { namesInput, NO_NAMES } from "./name-translations";
import { OrderTypeRow, type StatusOption, type TypeRow } from "./order-type-row";
import { useAdminReplyText } from "./reply-text";

type Props = {
  types: TypeRow[];
  statuses: StatusOption[];
  create: StudioAction;
  update: StudioAction;
  reorder: StudioAction;
  copy: StudioAction;
};

export function OrderTypesEditor({ types: initial, statuses, create, update, reorder, copy }: Props) {
  const t = useTranslations("workflows.editor");
  const replyText = useAdminReplyText();
  const nameLabels = useNameLabels();
  const labels = { code: t("code"), name: t("name"), initialStatusId: t("initial"), ...nameLabels.byField };
  const [types, setTypes] = useServerState(initial);
  const [state, setState] = useState<ActionReply>(null);
  const [draft, setDraft] = useState({ code: "", names: NO_NAMES, initialStatusId: statuses.find((s) => !s.archived)?.id ?? 0 });
  const [pending, startTransition] = useTransition();

  // Optimistic: the list moves at once and snaps back if the save is refused.
  function move(index: number, by: -1 | 1) {
    const next = [...types];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    const previous = types;
    setTypes(next);
    startTransition(async () => {
      const result = await reorder({ ids: next.map((t) => t.id) });
      setState(result.ok ? { ...result, message: t(by < 0 ? "movedUp" : "movedDown", { name: item.name }) } : result);
      if (!result.ok) setTypes(previous);
    });
  }

  return (
    <div className="space-y-6">
      <div aria-live="polite">{state && <Alert tone={state.ok ? "success" : "error"}>{replyText(state, { labels })}</Alert>}</div>
      {types.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("list")}>
          {types.map((type, i) => (
            <OrderTypeRow
              key={type.id}
              type={type}
              others={types.filter((o) => o.id !== type.id)}
              statuses={statuses}
              update={update}
              copy={copy}
              moveControls={
                <span className="flex gap-1">
                  <Button variant="ghost" className="px-2 py-1 text-xs" disabled={i === 0 || pending} onClick={() => move(i, -1)} aria-label={t("moveUp", { name: type.name })}>
                    ↑
                  </Button>
                  <Button variant="ghost" className="px-2 py-1 text-xs" disabled={i === types.length - 1 || pending} onClick={() => move(i, 1)} aria-label={t("moveDown", { name: type.name })}>
                    ↓
                  </Button>
                </span>
              }
            />
          ))}
        </ol>
      )}
      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t("newType")}
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await create({ code: draft.code, ...namesInput(draft.names), initialStatusId: draft.initialStatusId });
            setState(result);
            if (result.ok) setDraft({ ...draft, code: "", names: NO_NAMES });
          });
        }}
      >
        <h2 className="text-base font-semibold">{t("newType")}</h2>
        <div className="grid items-start gap-3 md:grid-cols-3">
          <Field label={labels.code} hint={t("codeHint")} errors={fieldErrorsIn(state).code}>
            {(p) => <input {...p} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} className={inputClasses} />}
          </Field>
          <div className="space-y-3">
            <NameFields label={labels.name} value={draft.names} onChange={(names) => setDraft({ ...draft, names })} errors={fieldErrorsIn(state)} labels={nameLabels} />
          </div>
          <Field label={labels.initialStatusId} errors={fieldErrorsIn(state).initialStatusId}>
            {(p) => (
              <select {...p} value={draft.initialStatusId} onChange={(e) => setDraft({ ...draft, initialStatusId: Number(e.target.value) })} className={inputClasses}>
                {statuses.filter((s) => !s.archived).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
    </div>
  );
}
